import type { ClusterBus, ClusterMessage } from "../cluster/cluster-bus.ts";
import type { FeedName } from "../live-push/feeds/feed-names.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberProfiles } from "../profile/member-profiles.ts";
import { createFeedFanOut } from "./feed-fan-out.ts";
import type { MemberStreams } from "./member-streams.ts";

// What a stored change means for the member's open tabs, on every instance: the profile goes out as
// the same view /api/me serves, with the activities it unlocks. A new profile can mean a new tier:
// what is locked may have changed, so the activities are forgotten everywhere before the other
// instances are told. With a shared tier (Redis) the sender tells them once it has dropped the
// member's list there; without, the statement that stored the change told them at its commit
// (cluster/stored-announcements.ts). The other Data Push feeds go through feed-fan-out.ts.

export interface LiveUpdatesDeps {
  hub: MemberStreams;
  profiles: MemberProfiles;
  memberActivities: MemberActivities;
  bus: ClusterBus;
  /** Redis is configured: the sender announces after dropping the shared list (see above). */
  sharedTier: boolean;
  onError(error: unknown, what: string): void;
}

export function createLiveUpdates(deps: LiveUpdatesDeps) {
  const { hub, memberActivities, bus } = deps;

  /** Sends the member's current profile to their open tabs here. */
  function publishProfile(memberKey: string) {
    deps.profiles
      .current(memberKey)
      .then((current) => {
        if (current)
          hub.publish(memberKey, {
            id: String(current.version),
            event: "profile",
            data: JSON.stringify(current.view),
          });
      })
      .catch((err: unknown) => deps.onError(err, "could not send a profile change to the member's tabs"));
  }

  /** The member's profile changed: their open tabs here get it, with the activities it unlocks. */
  function refreshTabs(memberKey: string) {
    if (!hub.hasMember(memberKey)) return;
    // Loading them anew publishes the profile with its plan (`activitiesStored`); if that cannot be
    // done, the profile goes out alone.
    memberActivities.forMember(memberKey).then(
      (result) => {
        if (!result.enrolled) publishProfile(memberKey);
      },
      () => publishProfile(memberKey),
    );
  }

  const feeds = createFeedFanOut({
    hub,
    memberActivities,
    bus,
    announcesAfterCommit: deps.sharedTier,
    refreshTabs,
    publishProfile,
  });

  return {
    /**
     * The member's activities were loaded and cached here. /api/me answers from the database without
     * waiting for CrowdTwist; once the activities arrive, the open tabs get the profile again, now with
     * the path to the next tier.
     */
    activitiesStored(memberKey: string): void {
      if (hub.hasMember(memberKey)) publishProfile(memberKey);
    },

    /** A Live Push profile was committed here. */
    profileStored({ memberKey }: { memberKey: string }): void {
      // Reloaded only once Redis has dropped them too, or the reload could read the old list there.
      void memberActivities.forget(memberKey).then((sharedDropped) => {
        if (deps.sharedTier) void bus.publish({ type: "profile_stored", memberKey, sharedDropped });
        refreshTabs(memberKey);
      });
    },

    /** A message of another Data Push feed was committed here. */
    feedStored(stored: { feed: FeedName; memberKey: string }): void {
      feeds.stored(stored);
    },

    /** Another instance stored a change. */
    heard(message: Exclude<ClusterMessage, { type: "session_ended" }>): void {
      if (message.type === "feed_stored") feeds.heard(message);
      else if (message.sharedDropped) {
        memberActivities.forgetHere(message.memberKey);
        refreshTabs(message.memberKey);
      } else {
        // The sender could not reach Redis to drop the old list: try from here before reloading.
        void memberActivities.forget(message.memberKey).then(() => refreshTabs(message.memberKey));
      }
    },

    /** Announcements may have been missed while the bus was reconnecting: re-read what the tabs show. */
    resynced(): void {
      memberActivities.forgetAllHere();
      for (const memberKey of hub.members()) {
        refreshTabs(memberKey);
        feeds.resynced(memberKey);
      }
    },
  };
}
export type LiveUpdates = ReturnType<typeof createLiveUpdates>;
