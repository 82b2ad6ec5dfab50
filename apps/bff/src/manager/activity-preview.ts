import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import { USER_ACTIVITIES_TYPE_IDS } from "@portal/crowdtwist/activity-types";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { UserActivity } from "@portal/crowdtwist/user-activity";
import type { LinkPolicy } from "@portal/loyalty/activity-action";
import { communityBlocks } from "@portal/loyalty/alida-consistency";
import { communityKind, type MemberCommunity } from "@portal/loyalty/community";
import { type NotNowReason, notAvailableNow } from "@portal/loyalty/not-available-now";
import { crossCheckPersonas, observedState, type PersonaCheck } from "@portal/loyalty/persona-cross-check";
import type { Program } from "@portal/loyalty/program";
import { type VisibilityMatrix, visibilityMatrix } from "@portal/loyalty/visibility-matrix";
import { type MemberActivityView, toActivityViews } from "../member/activity-views.ts";
import type { ProgramConfig } from "../program-config.ts";
import { parseCachedActivities } from "../upstream/cached-json.ts";
import type { CachedLoader } from "../upstream/cached-upstream.ts";
import type { AlidaPanel } from "./alida-panel.ts";

// Everything a program manager needs about one activity: CrowdTwist's extended description, who
// sees it how (tier by tier, in and out of its segment), whether CrowdTwist's answers for the
// preview personas agree with that reading, and the linked Alida activity.

/** The member's card as a member of `tierId` (on one side of the segment) gets it; null when hidden. */
export interface TierCard {
  audience: VisibilityMatrix["rows"][number]["audience"];
  tierId: string;
  activity: MemberActivityView | null;
}

export interface ActivityPreview {
  activity: ActivityExtended;
  matrix: VisibilityMatrix;
  personas: PersonaCheck[];
  cards: TierCard[];
  alida: AlidaPanel;
  /**
   * What keeps every tier from doing it now (its dates, its Alida survey or forum): the grid shows
   * a cell its tier makes available as not available while any holds.
   */
  notNow: NotNowReason[];
}

export interface ActivityPreviewDeps {
  crowdtwist: CrowdTwistClient;
  program: Program;
  /** PROGRAM_TIME_ZONE, for the cards' "back on Monday". */
  timeZone?: string;
  /** As the member's list: which call-to-action addresses are offered. */
  links?: LinkPolicy;
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
      return parseCachedActivities(loaded.bytes);
    } catch {
      return null;
    }
  }

  /** One card per tier and side of the segment, built by the same rules as a member's own list. */
  function tierCards(
    activity: ActivityExtended,
    matrix: VisibilityMatrix,
    campaigns: UserActivity["campaigns"],
    community: MemberCommunity | undefined,
  ): TierCard[] {
    const now = new Date();
    return matrix.rows.flatMap((row) =>
      row.cells.map((cell) => {
        const [card] = toActivityViews(
          [
            {
              id: activity.id,
              // Built like the member's own card: public wording, else Control Center's.
              title: activity.title,
              description: activity.description,
              publicTitle: activity.publicTitle,
              publicDescription: activity.publicDescription,
              numPoints: activity.numPoints,
              image: activity.image,
              categoryId: activity.categoryId,
              type: activity.type,
              typeId: activity.type ? USER_ACTIVITIES_TYPE_IDS[activity.type] : activity.typeId,
              dateStart: activity.dateStart,
              dateEnd: activity.dateEnd,
              minTierId: activity.minTierId,
              isHiddenByTier: cell.visibility.state === "hidden",
              isLockedByTier: cell.visibility.state === "locked",
              campaigns,
              frequency: activity.frequency,
              pointsOnClick: activity.pointsOnClick,
              redirectUrl: activity.redirectUrl,
              channelId: activity.channelId,
              segment: null,
              ...(community && { community }),
            },
          ],
          deps.program,
          now,
          deps.timeZone,
          deps.links,
        );
        return { audience: row.audience, tierId: cell.tier.id, activity: card ?? null };
      }),
    );
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
            const entry = list?.find((candidate) => candidate.id === activity.id);
            return {
              tierId: persona.tierId,
              userId: persona.userId,
              observed: list ? observedState(entry) : null,
              // Campaigns are only in members' lists; any persona who sees the activity has them.
              campaigns: entry?.campaigns ?? null,
            };
          }),
        ),
        deps.alidaPanel(activity),
      ]);
      // The panel's fresh look at Alida, so the grid and cards agree with its warnings.
      const community: MemberCommunity | undefined =
        alida.state === "linked"
          ? {
              checked: true,
              kind: communityKind(alida.activity.activityType),
              blocks: communityBlocks(alida.activity),
            }
          : alida.state === "not_linked"
            ? undefined
            : { checked: false };
      const notNow = notAvailableNow({
        window: { start: activity.dateStart, end: activity.dateEnd },
        community: community?.checked ? community.blocks : null,
        now: new Date(),
      });
      return {
        activity,
        matrix,
        notNow,
        personas: crossCheckPersonas(
          matrix,
          observations.map(({ campaigns: _, ...o }) => o),
        ),
        cards: tierCards(activity, matrix, observations.find((o) => o.campaigns)?.campaigns ?? [], community),
        alida,
      };
    },
  };
}
export type ActivityPreviewService = ReturnType<typeof createActivityPreview>;
