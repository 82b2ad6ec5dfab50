import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import { isCrowdTwistError } from "@portal/crowdtwist/errors";
import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { LinkPolicy } from "@portal/loyalty/activity-action";
import type { Program } from "@portal/loyalty/program";
import { type CachedLoader, type Freshness, IncompleteBytes } from "../upstream/cached-upstream.ts";
import type { JsonBytes } from "../wire/json-bytes.ts";
import { createActivityCards } from "./activity-cards.ts";
import type { ActivityCatalog } from "./activity-catalog.ts";
import { type MemberActivityView, NO_MEMBER_STATE } from "./activity-views.ts";
import type { CommunityStatus } from "./community-status.ts";
import type { MemberActivityStateReader, RecordedActivity } from "./member-activity-state.ts";

/** Nothing recorded to read (no feeds wired, or a preview by another id type). */
const NO_RECORD: RecordedActivity = { stateFor: async () => NO_MEMBER_STATE };

// A member's activities: CrowdTwist's list for the member's mapped id, turned by the loyalty rules
// into the one shape the browser sees (hidden-by-tier activities removed here, on the server), and
// cached per member as serialised bytes (typed by what they were made from: wire/json-bytes.ts).

/** A member's list as cached and sent: `JSON.stringify` of their activity cards. */
export type ActivitiesBytes = JsonBytes<MemberActivityView[]>;

export type MemberActivitiesResult =
  | { enrolled: true; activitiesBytes: ActivitiesBytes; freshness: Freshness }
  | { enrolled: false };

export interface MemberActivitiesDeps {
  crowdtwist: CrowdTwistClient;
  idType: CrowdTwistIdType;
  program: Program;
  /** Caches UTF-8 bytes: a warm answer is copied to the socket, never re-encoded. */
  loader: CachedLoader<ActivitiesBytes>;
  catalog: ActivityCatalog;
  /** What Alida says about linked surveys and forums (program-wide cache). */
  community: CommunityStatus;
  /** IANA zone whose midnights start calendar periods (PROGRAM_TIME_ZONE). */
  timeZone: string;
  /** Which call-to-action addresses members may be sent to; strict unless said otherwise. */
  links?: LinkPolicy;
  /** The member's completions and segment changes from the Data Push feeds (absent: not known). */
  state?: MemberActivityStateReader;
  now?: () => Date;
}

export function createMemberActivities(deps: MemberActivitiesDeps) {
  const now = deps.now ?? (() => new Date());
  // Each activity's card is made once for all the members who get the same one (activity-cards.ts).
  const cards = createActivityCards({
    program: deps.program,
    timeZone: deps.timeZone,
    ...(deps.links && { links: deps.links }),
  });
  const keyOf = (userId: string, idType: CrowdTwistIdType) => `activities:${idType}:${userId}`;

  /**
   * What the feeds recorded for the member, stored under the configured id type: a preview by another
   * id has none to read (nothing known). `null` when it could not be read (the database is
   * unavailable). Never rejects, so it can run beside the CrowdTwist call.
   */
  async function recordedFor(
    userId: string,
    idType: CrowdTwistIdType,
    at: Date,
  ): Promise<RecordedActivity | null> {
    if (!deps.state || idType !== deps.idType) return NO_RECORD;
    try {
      return await deps.state.recorded(userId, at);
    } catch {
      return null;
    }
  }
  const ownPrefix = keyOf("", deps.idType);
  return {
    /** PROGRAM_TIME_ZONE: where the program's calendar periods start; the browser formats dates in it. */
    timeZone: deps.timeZone,

    /**
     * A member's activities changed upstream (their profile did): the next read on any instance
     * fetches them anew. Resolves once the shared cache has dropped them too (false: it could not be
     * told, so another instance should try).
     */
    forget(crowdtwistUserId: string): Promise<boolean> {
      return deps.loader.forget(keyOf(crowdtwistUserId, deps.idType));
    },

    /** This instance may have missed announcements: drop every member's list it holds. */
    forgetAllHere(): void {
      deps.loader.forgetAllHere();
    },

    /** Another instance forgot them everywhere: drop this instance's copy. */
    forgetHere(crowdtwistUserId: string): void {
      deps.loader.forgetHere(keyOf(crowdtwistUserId, deps.idType));
    },

    /** Whose activities a cache key holds (configured mapping only; a preview's key is nobody's). */
    memberOf(cacheKey: string): string | null {
      return cacheKey.startsWith(ownPrefix) ? cacheKey.slice(ownPrefix.length) : null;
    },

    /** The member's activities if they are cached, without asking CrowdTwist. */
    cached(crowdtwistUserId: string): ActivitiesBytes | null {
      return deps.loader.peek(keyOf(crowdtwistUserId, deps.idType))?.bytes ?? null;
    },

    /** What `forMember` answers at once when the member's list is fresh here; null: ask `forMember`. */
    fresh(crowdtwistUserId: string): Extract<MemberActivitiesResult, { enrolled: true }> | null {
      const loaded = deps.loader.freshResult(keyOf(crowdtwistUserId, deps.idType));
      return loaded ? { enrolled: true, activitiesBytes: loaded.bytes, freshness: loaded.freshness } : null;
    },

    /** `idType` defaults to the configured mapping; a manager's preview may name another. */
    async forMember(
      crowdtwistUserId: string,
      idType: CrowdTwistIdType = deps.idType,
    ): Promise<MemberActivitiesResult> {
      try {
        const loaded = await deps.loader.load(keyOf(crowdtwistUserId, idType), async (signal) => {
          // The member's recorded completions are read while CrowdTwist answers, not after.
          const at = now();
          const recording = recordedFor(crowdtwistUserId, idType, at);
          const upstream = await deps.crowdtwist.getUserActivities(crowdtwistUserId, { idType, signal });
          const { details, complete } = await deps.catalog.details(upstream.map((activity) => activity.id));
          // Alida's answers never fail the list or mark it degraded (the rewards service answered):
          // an activity whose community could not be checked says so on its own card.
          const communities = await deps.community.lookup(
            [...details.values()].flatMap((found) => found.alidaActivityId ?? []),
          );
          // A state that cannot be completed (the database went meanwhile) is no state: counts
          // without the times they need would be cached as if whole.
          const state = await (await recording)?.stateFor(details).catch(() => null);
          const bytes = cards.serialise(upstream, details, communities, at, state ?? NO_MEMBER_STATE);
          // Without some descriptions the list lacks caps and segments, and without the member's
          // state its counts: show it, marked degraded, and try again on the next request rather
          // than keep it as fresh.
          return complete && state ? bytes : new IncompleteBytes(bytes);
        });
        return { enrolled: true, activitiesBytes: loaded.bytes, freshness: loaded.freshness };
      } catch (error) {
        // CrowdTwist's "User not found." is an answer, not a failure: the member has no loyalty
        // account yet, and the portal says so.
        if (isCrowdTwistError(error) && error.code === "page_not_found") return { enrolled: false };
        throw error;
      }
    },
  };
}
export type MemberActivities = ReturnType<typeof createMemberActivities>;
