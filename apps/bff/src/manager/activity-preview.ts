import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { UserActivity } from "@portal/crowdtwist/user-activity";
import { crossCheckPersonas, observedState, type PersonaCheck } from "@portal/loyalty/persona-cross-check";
import type { Program } from "@portal/loyalty/program";
import { type VisibilityMatrix, visibilityMatrix } from "@portal/loyalty/visibility-matrix";
import type { ProgramConfig } from "../program-config.ts";
import type { CachedLoader } from "../upstream/cached-upstream.ts";
import type { AlidaPanel } from "./alida-panel.ts";

// Everything a program manager needs about one activity: CrowdTwist's extended description, who
// sees it how (tier by tier, in and out of its segment), whether CrowdTwist's answers for the
// preview personas agree with that reading, and the linked Alida activity.

export interface ActivityPreview {
  activity: ActivityExtended;
  matrix: VisibilityMatrix;
  personas: PersonaCheck[];
  alida: AlidaPanel;
}

export interface ActivityPreviewDeps {
  crowdtwist: CrowdTwistClient;
  program: Program;
  personas: ProgramConfig["previewPersonas"];
  /** An activity's extended description, from the program-wide cache. */
  extended: (id: string) => Promise<ActivityExtended>;
  /** Per-persona cache of their activity lists. */
  personaLoader: CachedLoader;
  alidaPanel: (activity: ActivityExtended) => Promise<AlidaPanel>;
}

export function createActivityPreview(deps: ActivityPreviewDeps) {
  /** A persona's activity list, or null when it cannot be had (not enrolled, upstream down). */
  async function personaActivities(
    persona: ProgramConfig["previewPersonas"][number],
  ): Promise<UserActivity[] | null> {
    try {
      const loaded = await deps.personaLoader.load(
        `persona:${persona.idType}:${persona.userId}`,
        async (signal) =>
          JSON.stringify(
            await deps.crowdtwist.getUserActivities(persona.userId, { idType: persona.idType, signal }),
          ),
      );
      return JSON.parse(loaded.bytes) as UserActivity[];
    } catch {
      return null;
    }
  }

  const { extended } = deps;
  return {
    extended,
    personaActivities,

    async describe(id: string): Promise<ActivityPreview> {
      const activity = await extended(id);
      const matrix = visibilityMatrix(
        deps.program,
        { minTierId: activity.minTierId, showAsLockedByTier: activity.showAsLockedByTier },
        activity.segment
          ? { subscriptionId: activity.segment.subscriptionId, eligibility: activity.segment.eligibility }
          : null,
      );
      const [observations, alida] = await Promise.all([
        Promise.all(
          deps.personas.map(async (persona) => {
            const list = await personaActivities(persona);
            return {
              tierId: persona.tierId,
              userId: persona.userId,
              observed: list ? observedState(list.find((entry) => entry.id === activity.id)) : null,
            };
          }),
        ),
        deps.alidaPanel(activity),
      ]);
      return { activity, matrix, personas: crossCheckPersonas(matrix, observations), alida };
    },
  };
}
export type ActivityPreviewService = ReturnType<typeof createActivityPreview>;
