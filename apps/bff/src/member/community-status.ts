import type { AlidaClient } from "@portal/alida/client";
import { communityBlocks } from "@portal/loyalty/alida-consistency";
import { communityKind, type MemberCommunity } from "@portal/loyalty/community";
import type { Metrics } from "../observability/metrics.ts";
import { createCachedLoader } from "../upstream/cached-upstream.ts";
import { failureKind } from "../upstream/failure-kind.ts";
import { createSwrCache } from "../upstream/swr-cache.ts";

// What Alida says about the surveys and forums members' activities lead to: closed, hidden from
// members, not ready. The same for every member, so cached program-wide. Alida is never allowed to
// break or hold up a member's list: what cannot be had in time is `{ checked: false }`, and the
// activity is offered on CrowdTwist's word with the card saying the community could not be checked.

const FIELDS = ["status", "isReady", "hideFromMember", "activityType"] as const;

/** What is cached per Alida activity: its state, or `null` when Alida does not know the id (404). */
type Cached = {
  status: "open" | "closed" | null;
  isReady: boolean | null;
  hideFromMember: boolean | null;
  activityType: string | null;
} | null;

export interface CommunityStatusDeps {
  /** A resilient client (upstream/resilient-alida.ts); `null` when the portal has no Alida credentials. */
  alida: AlidaClient | null;
  metrics: Metrics;
  /** How long a member's list waits for Alida (its whole share of the list's budget). Default 1.5 s. */
  deadlineMs?: number;
}

export function createCommunityStatus(deps: CommunityStatusDeps) {
  // A forum that closes reaches members within a minute or so; a stale answer (Alida down) is still
  // Alida's last word for ten minutes, and after that the activity is unchecked.
  const loader = createCachedLoader({
    operation: "alida_community",
    upstream: "alida",
    metrics: deps.metrics,
    deadlineMs: deps.deadlineMs ?? 1_500,
    cache: createSwrCache({ freshMs: 60_000, staleMs: 10 * 60_000, maxEntries: 2_000 }),
  });

  async function one(alidaId: string): Promise<MemberCommunity> {
    const { alida } = deps;
    if (!alida) return { checked: false };
    try {
      const loaded = await loader.load(`alida:${alidaId}`, async (signal) => {
        try {
          const found = await alida.getActivity(alidaId, { fields: FIELDS, signal });
          const cached: Cached = {
            status: found.status ?? null,
            isReady: found.isReady ?? null,
            hideFromMember: found.hideFromMember ?? null,
            activityType: found.activityType ?? null,
          };
          return JSON.stringify(cached);
        } catch (error) {
          // Alida's "no such activity" is an answer worth keeping, not a failure to retry each time.
          if (failureKind(error) === "answer") return "null";
          throw error;
        }
      });
      const state = JSON.parse(loaded.bytes) as Cached;
      // A link to an activity Alida does not know: nothing true can be said about it either way.
      if (state === null) return { checked: false };
      return { checked: true, kind: communityKind(state.activityType), blocks: communityBlocks(state) };
    } catch {
      return { checked: false };
    }
  }

  return {
    /** One answer per distinct Alida id, all asked at once. */
    async lookup(alidaIds: readonly string[]): Promise<Map<string, MemberCommunity>> {
      const ids = [...new Set(alidaIds)];
      const answers = await Promise.all(ids.map(one));
      return new Map(ids.map((id, i) => [id, answers[i] as MemberCommunity]));
    },
  };
}
export type CommunityStatus = ReturnType<typeof createCommunityStatus>;
