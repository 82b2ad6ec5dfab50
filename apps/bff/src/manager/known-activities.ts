import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import type { ObservedState } from "@portal/loyalty/persona-cross-check";
import { observedState } from "@portal/loyalty/persona-cross-check";
import type { ProgramConfig } from "../program-config.ts";

// The activities a manager can browse: CrowdTwist has no "list all activities" endpoint in our
// contract, so the program's activities are what the preview personas (one per tier) can see, plus
// the ones managers looked up recently by id.

export interface KnownActivity {
  id: string;
  title: string;
  publicTitle: string;
  categoryId: string | null;
  categoryName: string | null;
  typeName: string | null;
  channelName: string | null;
  tags: string[];
  segment: { name: string; eligibility: "inclusion" | "exclusion" } | null;
  /** What each tier's persona gets from CrowdTwist (null: persona unavailable). */
  byTier: { tierId: string; observed: ObservedState | null }[];
}

const RECENT_LIMIT = 20;

export interface KnownActivitiesDeps {
  personas: ProgramConfig["previewPersonas"];
  personaActivities: (
    persona: ProgramConfig["previewPersonas"][number],
  ) => Promise<{ id: string; isHiddenByTier: boolean; isLockedByTier: boolean }[] | null>;
  extended: (id: string) => Promise<ActivityExtended>;
}

export function createKnownActivities(deps: KnownActivitiesDeps) {
  const recent: string[] = [];

  return {
    noteViewed(id: string): void {
      const at = recent.indexOf(id);
      if (at >= 0) recent.splice(at, 1);
      recent.unshift(id);
      recent.length = Math.min(recent.length, RECENT_LIMIT);
    },

    recent: () => [...recent],

    async list(): Promise<KnownActivity[]> {
      const lists = await Promise.all(deps.personas.map((persona) => deps.personaActivities(persona)));
      const ids = [...new Set([...lists.flatMap((list) => (list ?? []).map((a) => a.id)), ...recent])];
      const described = await Promise.all(ids.map((id) => deps.extended(id).catch(() => null)));
      return described
        .filter((activity): activity is ActivityExtended => activity !== null)
        .map((activity) => ({
          id: activity.id,
          title: activity.title,
          publicTitle: activity.publicTitle,
          categoryId: activity.categoryId,
          categoryName: activity.categoryName,
          typeName: activity.typeName,
          channelName: activity.channelName,
          tags: activity.tags.map((tag) => tag.name),
          segment: activity.segment
            ? { name: activity.segment.name, eligibility: activity.segment.eligibility }
            : null,
          byTier: deps.personas.map((persona, i) => {
            const list = lists[i];
            return {
              tierId: persona.tierId,
              observed: list ? observedState(list.find((a) => a.id === activity.id)) : null,
            };
          }),
        }))
        .sort((a, b) => Number(a.id) - Number(b.id));
    },
  };
}
export type KnownActivities = ReturnType<typeof createKnownActivities>;
