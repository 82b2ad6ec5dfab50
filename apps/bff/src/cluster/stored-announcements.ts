import type { FeedName } from "../live-push/feeds/feed-names.ts";
import type { Announcement } from "../profile/profile-store.ts";
import type { ClusterBus, ClusterMessage } from "./cluster-bus.ts";

/**
 * The message for each member a statement stores, made by that statement: NOTIFY is delivered at its
 * commit and costs no round trip of its own. Only without a shared tier: with Redis the sender must
 * drop the member's list there before the others hear of the change (or they could reload the old
 * one, and each dropping it themselves would make every instance reload it from CrowdTwist), so it
 * publishes after that drop instead (live/live-updates.ts; ADR 0021, 0023).
 */
function announcedInStatement(
  bus: ClusterBus,
  messageFor: (memberKey: string) => ClusterMessage,
): Announcement {
  const announcer = bus.inStatement();
  return {
    channel: announcer.channel,
    head: announcer.head,
    tail: announcer.tail,
    maxPayload: announcer.maxPayload,
    stored: (memberKey) => announcer.encode(messageFor(memberKey)),
  };
}

/** `profile_stored`, for the Live Push profile store. */
export const profileStoredAnnouncement = (bus: ClusterBus): Announcement =>
  announcedInStatement(bus, (memberKey) => ({ type: "profile_stored", memberKey, sharedDropped: true }));

/** `feed_stored`, for the store of another Data Push feed. */
export const feedStoredAnnouncement = (bus: ClusterBus, feed: FeedName): Announcement =>
  announcedInStatement(bus, (memberKey) => ({ type: "feed_stored", feed, memberKey, sharedDropped: true }));
