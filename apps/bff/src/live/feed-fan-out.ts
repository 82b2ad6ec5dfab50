import type { ClusterBus, ClusterMessage } from "../cluster/cluster-bus.ts";
import type { FeedName } from "../live-push/feeds/feed-names.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberStreams } from "./member-streams.ts";

// What a stored Data Push message changes for the member's open tabs, on every instance:
// - a completion (user_activity) or a segment change (user_segmentation) changes the member's
//   activities (counts, caps, what is offered): their cached list is forgotten everywhere, reloaded
//   for the tabs (which also re-plans the tier path), and the tabs are told `activities`;
// - a completion or an order (user_redemption) adds to the points history: the tabs are told `history`;
// - expiring points (points_expiration) are part of the profile the tabs show: it is sent again.
// The events carry no data but the feed and no id, so a reconnecting tab still resumes by the
// profile's version (member-streams.ts); the tab refetches what it shows.

const CHANGES_ACTIVITIES: ReadonlySet<FeedName> = new Set(["user_activity", "user_segmentation"]);
const CHANGES_HISTORY: ReadonlySet<FeedName> = new Set(["user_activity", "user_redemption"]);

export interface FeedFanOutDeps {
  hub: MemberStreams;
  memberActivities: MemberActivities;
  bus: ClusterBus;
  /** With Redis the sender announces after dropping the shared list; without, the storing statement did. */
  announcesAfterCommit: boolean;
  /** Reloads the member's activities for their tabs here (and sends the profile with its plan). */
  refreshTabs(memberKey: string): void;
  /** Sends the member's current profile to their tabs here. */
  publishProfile(memberKey: string): void;
}

export function createFeedFanOut(deps: FeedFanOutDeps) {
  function tellTabs(feed: FeedName, memberKey: string) {
    if (!deps.hub.hasMember(memberKey)) return;
    const data = JSON.stringify({ feed });
    if (CHANGES_ACTIVITIES.has(feed)) {
      deps.refreshTabs(memberKey);
      deps.hub.publish(memberKey, { event: "activities", data });
    }
    if (CHANGES_HISTORY.has(feed)) deps.hub.publish(memberKey, { event: "history", data });
    if (feed === "points_expiration") deps.publishProfile(memberKey);
  }

  return {
    /** A message of `feed` was committed here. */
    stored({ feed, memberKey }: { feed: FeedName; memberKey: string }): void {
      if (!CHANGES_ACTIVITIES.has(feed)) {
        if (deps.announcesAfterCommit)
          void deps.bus.publish({ type: "feed_stored", feed, memberKey, sharedDropped: true });
        tellTabs(feed, memberKey);
        return;
      }
      // Reloaded only once Redis has dropped the list too, or the reload could read the old one there.
      void deps.memberActivities.forget(memberKey).then((sharedDropped) => {
        if (deps.announcesAfterCommit)
          void deps.bus.publish({ type: "feed_stored", feed, memberKey, sharedDropped });
        tellTabs(feed, memberKey);
      });
    },

    /**
     * Announcements may have been missed (the cluster bus reconnected): the member's tabs here refetch
     * the list and the history (`{"feed":null}`: no one feed).
     */
    resynced(memberKey: string): void {
      const data = JSON.stringify({ feed: null });
      deps.hub.publish(memberKey, { event: "activities", data });
      deps.hub.publish(memberKey, { event: "history", data });
    },

    /** Another instance committed a message of a feed. */
    heard(message: Extract<ClusterMessage, { type: "feed_stored" }>): void {
      const { feed, memberKey } = message;
      if (!CHANGES_ACTIVITIES.has(feed)) tellTabs(feed, memberKey);
      else if (message.sharedDropped) {
        deps.memberActivities.forgetHere(memberKey);
        tellTabs(feed, memberKey);
      } else {
        // The sender could not reach Redis to drop the old list: try from here before reloading.
        void deps.memberActivities.forget(memberKey).then(() => tellTabs(feed, memberKey));
      }
    },
  };
}
