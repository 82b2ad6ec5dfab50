import type { ActivityType } from "@portal/crowdtwist/activity-types";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import { isCrowdTwistError } from "@portal/crowdtwist/errors";
import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { MemberCommunity } from "@portal/loyalty/community";
import {
  type MemberActivity,
  toMemberActivities,
  type UserActivityInput,
} from "@portal/loyalty/member-activity";
import type { Program } from "@portal/loyalty/program";
import { type UnavailableReason, whyUnavailable } from "@portal/loyalty/why-unavailable";
import { type CachedLoader, type Freshness, IncompleteBytes } from "../upstream/cached-upstream.ts";
import type { ActivityCatalog, ActivityDetails } from "./activity-catalog.ts";
import type { CommunityStatus } from "./community-status.ts";

// A member's activities: CrowdTwist's list for the member's mapped id, turned by the loyalty rules
// into the one shape the browser sees (hidden-by-tier activities removed here, on the server), and
// cached per member as serialised bytes.

/** An activity as the browser gets it: the loyalty shape plus why it cannot be done now, if so. */
export type MemberActivityView = MemberActivity & { why: UnavailableReason[] };

/**
 * The loyalty shape plus the "why". Everyone who sees an activity in their list is admitted by its
 * segment rule; completions are not known from CrowdTwist's list, so caps explain themselves without
 * a count. Managers' per-tier previews use the same function, so they show exactly the member's card.
 * `timeZone` (PROGRAM_TIME_ZONE) is where calendar periods start.
 */
export function toActivityViews(
  inputs: readonly UserActivityInput<ActivityType>[],
  program: Program,
  now: Date,
  timeZone = "UTC",
): MemberActivityView[] {
  return toMemberActivities(inputs, { program, now }).activities.map((activity) => ({
    ...activity,
    why: whyUnavailable({
      visibility: activity.visibility,
      window: activity.window,
      segment: activity.segment ? { rule: activity.segment, eligibility: "eligible" } : null,
      frequency: activity.frequency ?? null,
      community: activity.community ?? null,
      timeZone,
      now,
    }),
  }));
}

/** The activities of an enrolled result as objects (for the few callers that need them so). */
export function parseActivities(bytes: Uint8Array): MemberActivityView[] {
  return JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"),
  ) as MemberActivityView[];
}

export type MemberActivitiesResult =
  | { enrolled: true; activitiesBytes: Uint8Array; freshness: Freshness }
  | { enrolled: false };

export interface MemberActivitiesDeps {
  crowdtwist: CrowdTwistClient;
  idType: CrowdTwistIdType;
  program: Program;
  /** Caches UTF-8 bytes: a warm answer is copied to the socket, never re-encoded. */
  loader: CachedLoader<Uint8Array>;
  catalog: ActivityCatalog;
  /** What Alida says about linked surveys and forums (program-wide cache). */
  community: CommunityStatus;
  /** IANA zone whose midnights start calendar periods (PROGRAM_TIME_ZONE). */
  timeZone: string;
  now?: () => Date;
}

/** CrowdTwist's activity with its description's details and, when linked, its community's state. */
function withDetails(
  activity: UserActivityInput<ActivityType>,
  found: ActivityDetails | undefined,
  communities: ReadonlyMap<string, MemberCommunity>,
): UserActivityInput<ActivityType> {
  if (!found) return activity;
  const { alidaActivityId, ...details } = found;
  const community = alidaActivityId ? communities.get(alidaActivityId) : undefined;
  return { ...activity, ...details, ...(community && { community }) };
}

export function createMemberActivities(deps: MemberActivitiesDeps) {
  const now = deps.now ?? (() => new Date());
  const keyOf = (userId: string, idType: CrowdTwistIdType) => `activities:${idType}:${userId}`;
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
    cached(crowdtwistUserId: string): Uint8Array | null {
      return deps.loader.peek(keyOf(crowdtwistUserId, deps.idType))?.bytes ?? null;
    },

    /** What `forMember` answers at once when the member's list is fresh here; null: ask `forMember`. */
    fresh(crowdtwistUserId: string): Extract<MemberActivitiesResult, { enrolled: true }> | null {
      const loaded = deps.loader.fresh(keyOf(crowdtwistUserId, deps.idType));
      return loaded ? { enrolled: true, activitiesBytes: loaded.bytes, freshness: loaded.freshness } : null;
    },

    /** `idType` defaults to the configured mapping; a manager's preview may name another. */
    async forMember(
      crowdtwistUserId: string,
      idType: CrowdTwistIdType = deps.idType,
    ): Promise<MemberActivitiesResult> {
      try {
        const loaded = await deps.loader.load(keyOf(crowdtwistUserId, idType), async (signal) => {
          const upstream = await deps.crowdtwist.getUserActivities(crowdtwistUserId, { idType, signal });
          const { details, complete } = await deps.catalog.details(upstream.map((activity) => activity.id));
          // Alida's answers never fail the list or mark it degraded (the rewards service answered):
          // an activity whose community could not be checked says so on its own card.
          const communities = await deps.community.lookup(
            [...details.values()].flatMap((found) => found.alidaActivityId ?? []),
          );
          const views = toActivityViews(
            upstream.map((activity) => withDetails(activity, details.get(activity.id), communities)),
            deps.program,
            now(),
            deps.timeZone,
          );
          const bytes = Buffer.from(JSON.stringify(views));
          // Without some descriptions the list lacks caps and segments: show it, marked degraded, and
          // try again on the next request rather than keep it as fresh.
          return complete ? bytes : new IncompleteBytes(bytes);
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
