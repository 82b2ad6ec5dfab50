import type { Announcement } from "../live-push/profile-store.ts";
import type { ClusterBus } from "./cluster-bus.ts";

/**
 * The `profile_stored` message, made by the statement that stores the profile (NOTIFY is delivered
 * at its commit, and costs no round trip of its own). That is before the sender drops the member's
 * list in Redis, so with a shared tier the message asks every receiver to drop it there too before
 * reloading (`sharedDropped: false`); without one there is nothing shared to drop.
 */
export function profileStoredAnnouncement(bus: ClusterBus, options: { sharedTier: boolean }): Announcement {
  const announcer = bus.inStatement();
  return {
    channel: announcer.channel,
    head: announcer.head,
    tail: announcer.tail,
    maxPayload: announcer.maxPayload,
    stored: (memberKey) =>
      announcer.encode({ type: "profile_stored", memberKey, sharedDropped: !options.sharedTier }),
  };
}
