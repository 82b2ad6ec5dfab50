import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { FrequencyInput } from "@portal/loyalty/frequency";
import type { NamedSegmentRule } from "@portal/loyalty/segment";
import { LruMap } from "../lru-map.ts";
import { parseCachedActivity } from "../upstream/cached-json.ts";
import type { CachedLoader } from "../upstream/cached-upstream.ts";
import { failureKind } from "../upstream/failure-kind.ts";
import { isUpstreamUnavailable } from "../upstream/upstream-unavailable-error.ts";

// What the user-activities list does not carry but members need to know — the member-facing
// title and description (the list's are Control Center's internal ones), frequency caps,
// points-on-click, the segment rule — comes from the extended endpoint. It is the same for every
// member, so it is cached program-wide; a description that cannot be had leaves those fields out
// rather than failing the member's page.

/** The `extra_data` key that links a CrowdTwist activity to an Alida activity id. */
export const ALIDA_LINK_KEY = "alida_activity_id";

export interface ActivityDetails {
  publicTitle: string;
  publicDescription: string;
  frequency: FrequencyInput | null;
  pointsOnClick: boolean;
  /** Where the member is taken to do it (not yet checked as safe: the activity views do that). */
  redirectUrl: string | null;
  channelId: string | null;
  segment: NamedSegmentRule | null;
  /** The linked Alida survey or forum, if any. */
  alidaActivityId: string | null;
}

const toDetails = (activity: ActivityExtended): ActivityDetails => ({
  publicTitle: activity.publicTitle,
  publicDescription: activity.publicDescription,
  alidaActivityId: activity.extraData?.[ALIDA_LINK_KEY]?.trim() || null,
  frequency: activity.frequency,
  pointsOnClick: activity.pointsOnClick,
  redirectUrl: activity.redirectUrl,
  channelId: activity.channelId,
  segment: activity.segment
    ? {
        subscriptionId: activity.segment.subscriptionId,
        eligibility: activity.segment.eligibility,
        name: activity.segment.name,
      }
    : null,
});

const MAX_PARSED = 5_000;

interface Described {
  bytes: string;
  activity: ActivityExtended;
  details: ActivityDetails;
}

export function createActivityCatalog(deps: { crowdtwist: CrowdTwistClient; loader: CachedLoader }) {
  // Parsed once per cached answer: every member's cache miss reads every activity's description, so
  // parsing the same bytes again each time would dominate the miss path.
  const parsed = new LruMap<string, Described>(MAX_PARSED);

  /** The parsed description for these cached bytes (parsed once per cached answer). */
  function parse(id: string, bytes: string): Described {
    const memo = parsed.get(id);
    if (memo?.bytes === bytes) return memo;
    const activity = parseCachedActivity(bytes);
    const entry = { bytes, activity, details: toDetails(activity) };
    parsed.set(id, entry);
    return entry;
  }

  const keyOf = (id: string) => `extended:${id}`;

  async function described(id: string): Promise<Described> {
    const loaded = await deps.loader.load(keyOf(id), async (signal) =>
      JSON.stringify(await deps.crowdtwist.getActivityExtended(id, { signal })),
    );
    return parse(id, loaded.bytes);
  }

  /** Details of the ids that need a load (not fresh in the cache), each within `waitMs`. */
  async function loadDetails(
    ids: readonly string[],
    waitMs: number,
  ): Promise<{ details: Map<string, ActivityDetails>; complete: boolean }> {
    let complete = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
    });
    const found = await Promise.all(
      ids.map((id) =>
        Promise.race([
          described(id).then(
            (entry) => entry.details,
            (error: unknown) => {
              if (isUpstreamUnavailable(error) || failureKind(error) === "transient") complete = false;
              return null;
            },
          ),
          late.then(() => {
            complete = false;
            return null;
          }),
        ]),
      ),
    ).finally(() => clearTimeout(timer));
    return {
      details: new Map(ids.flatMap((id, i) => (found[i] ? [[id, found[i]] as const] : []))),
      complete,
    };
  }

  return {
    extended: async (id: string): Promise<ActivityExtended> => (await described(id)).activity,
    /**
     * Details for each id that could be described. An id CrowdTwist does not know (404), or whose
     * description it sends in a shape we cannot read, is simply absent (asking again would not help).
     * An id whose description could not be had in time (CrowdTwist down or slow, at most `waitMs`)
     * is absent too and `complete` is false, so the caller can say its answer lacks caps, segments
     * and points-on-click. A description still loading when the wait ends goes on loading into the
     * program-wide cache, for the next member.
     */
    async details(
      ids: readonly string[],
      { waitMs = 1_500 }: { waitMs?: number } = {},
    ): Promise<{ details: Map<string, ActivityDetails>; complete: boolean }> {
      // Every member's miss reads every activity's description, nearly always fresh in the cache:
      // those are read at once, and only the rest wait for a load (in the same order either way).
      const fresh = new Map<string, ActivityDetails>();
      const pending: string[] = [];
      const cached = deps.loader.freshMany(ids.map(keyOf));
      ids.forEach((id, i) => {
        const bytes = cached[i];
        if (bytes === undefined) pending.push(id);
        else fresh.set(id, parse(id, bytes).details);
      });
      if (pending.length === 0) return { details: fresh, complete: true };
      const loaded = await loadDetails(pending, waitMs);
      const details = new Map<string, ActivityDetails>();
      for (const id of ids) {
        const found = fresh.get(id) ?? loaded.details.get(id);
        if (found) details.set(id, found);
      }
      return { details, complete: loaded.complete };
    },
  };
}
export type ActivityCatalog = ReturnType<typeof createActivityCatalog>;
