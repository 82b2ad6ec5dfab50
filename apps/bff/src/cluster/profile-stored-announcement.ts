import type { FeedName } from "../live-push/feeds/feed-names.ts";
import type { Announcement } from "../profile/profile-store.ts";
import type { ClusterBus } from "./cluster-bus.ts";

/**
 * The `profile_stored` message, made by the statement that stores the profile: NOTIFY is delivered
 * at its commit and costs no round trip of its own. Only without a shared tier: with Redis the
 * sender must drop the member's list there before the others hear of the change (or they could
 * reload the old one, and each dropping it themselves would make every instance reload it from
 * CrowdTwist), so it publishes after that drop instead (ADR 0021, 0023).
 */
export function profileStoredAnnouncement(bus: ClusterBus): Announcement {
  const announcer = bus.inStatement();
  return {
    channel: announcer.channel,
    head: announcer.head,
    tail: announcer.tail,
    maxPayload: announcer.maxPayload,
    stored: (memberKey) => announcer.encode({ type: "profile_stored", memberKey, sharedDropped: true }),
  };
}

/** The `feed_stored` message of another Data Push feed, made by the statement that stores it (as above). */
export function feedStoredAnnouncement(bus: ClusterBus, feed: FeedName): Announcement {
  const announcer = bus.inStatement();
  return {
    channel: announcer.channel,
    head: announcer.head,
    tail: announcer.tail,
    maxPayload: announcer.maxPayload,
    stored: (memberKey) => announcer.encode({ type: "feed_stored", feed, memberKey, sharedDropped: true }),
  };
}
