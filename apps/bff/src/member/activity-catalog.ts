import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { FrequencyInput } from "@portal/loyalty/frequency";
import type { NamedSegmentRule } from "@portal/loyalty/segment";
import type { CachedLoader } from "../upstream/cached-upstream.ts";

// What the user-activities list does not carry but members need to know — frequency caps,
// points-on-click, the segment rule — comes from the extended endpoint. It is the same for every
// member, so it is cached program-wide; a description that cannot be had leaves those fields out
// rather than failing the member's page.

export interface ActivityDetails {
  frequency: FrequencyInput | null;
  pointsOnClick: boolean;
  segment: NamedSegmentRule | null;
}

const toDetails = (activity: ActivityExtended): ActivityDetails => ({
  frequency: activity.frequency,
  pointsOnClick: activity.pointsOnClick,
  segment: activity.segment
    ? {
        subscriptionId: activity.segment.subscriptionId,
        eligibility: activity.segment.eligibility,
        name: activity.segment.name,
      }
    : null,
});

export function createActivityCatalog(deps: { crowdtwist: CrowdTwistClient; loader: CachedLoader }) {
  async function extended(id: string): Promise<ActivityExtended> {
    const loaded = await deps.loader.load(`extended:${id}`, async (signal) =>
      JSON.stringify(await deps.crowdtwist.getActivityExtended(id, { signal })),
    );
    const raw = JSON.parse(loaded.bytes) as ActivityExtended & {
      dateStart: string | null;
      dateEnd: string | null;
    };
    return {
      ...raw,
      dateStart: raw.dateStart ? new Date(raw.dateStart) : null,
      dateEnd: raw.dateEnd ? new Date(raw.dateEnd) : null,
    };
  }

  return {
    extended,
    /** Details for each id that could be described; missing ids are simply absent. */
    async details(ids: readonly string[]): Promise<Map<string, ActivityDetails>> {
      const found = await Promise.all(ids.map((id) => extended(id).then(toDetails, () => null)));
      return new Map(ids.flatMap((id, i) => (found[i] ? [[id, found[i]] as const] : [])));
    },
  };
}
export type ActivityCatalog = ReturnType<typeof createActivityCatalog>;
