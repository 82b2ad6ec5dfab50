import {
  expirationBody,
  FEED_PATH,
  redemptionBody,
  segmentationBody,
  userActivityBody,
} from "@portal/bff/live-push/feeds/feed-fixtures";
import { LIVE_PUSH_API_KEY } from "./live-push.ts";
import { load } from "./load.ts";
import { benchUsername } from "./members.ts";

// Data Push messages for the feed ingest figure: every push a new one (a new completion or order id;
// a newer message_date or date_occurred), members in round robin, so each is stored.

export type BenchFeed = keyof typeof FEED_PATH;
export const BENCH_FEEDS = Object.keys(FEED_PATH) as BenchFeed[];

/** Epoch seconds of the first message's date; every message after it is one second newer. */
export const FEED_EPOCH = 1_700_000_000;
const SEGMENTS = [1628, 2001, 2002];

let turn = 0;
/** The next distinct message of `feed`: its path and body. */
export function nextFeedMessage(feed: BenchFeed, members: number) {
  const n = turn++;
  const member = benchUsername(n % members);
  const at = new Date((FEED_EPOCH + n) * 1000);
  const body =
    feed === "user_activity"
      ? userActivityBody(member, {
          userActivityId: 1_000_000_000 + n,
          activityId: 101 + (n % 24),
          dateCreated: FEED_EPOCH + n,
        })
      : feed === "user_redemption"
        ? redemptionBody(member, { orderId: 1_000_000_000 + n, orderDate: FEED_EPOCH + n })
        : feed === "points_expiration"
          ? expirationBody(member, { message_date: at.toISOString() })
          : segmentationBody(member, {
              subscription_id: SEGMENTS[n % SEGMENTS.length],
              event: n % 2 === 0 ? "entered" : "exited",
              date_occurred: at.toISOString(),
            });
  return { path: FEED_PATH[feed], body: JSON.stringify(body) };
}

export function feedLoad(
  url: string,
  feed: BenchFeed,
  options: { seconds: number; members: number; connections: number },
) {
  return load({
    url,
    method: "POST",
    connections: options.connections,
    seconds: options.seconds,
    headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
    next: () => nextFeedMessage(feed, options.members),
  });
}
