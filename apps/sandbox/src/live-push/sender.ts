import type { LivePushBody } from "./profile.ts";

// Sends Live Push messages the way a real sender behaves: it retries until acknowledged, and on
// request (fault injection) it duplicates deliveries or delivers an older message after a newer one.
// Every feed has its own endpoint (nothing in a message says which feed it is); the faults apply to
// all of them. "Older" is per feed and per what a message is about: a member's profile, expirations,
// completions or orders, a member's membership of one segment.

export type LivePushAuth =
  | { kind: "api-key"; apiKey: string }
  | { kind: "basic"; user: string; password: string }
  | { kind: "none" };

export interface LivePushFaults {
  duplicate: boolean;
  outOfOrder: boolean;
}

export type DataPushFeed = "user_activity" | "user_redemption" | "points_expiration" | "user_segmentation";

export interface Delivery {
  /** Absent for the user profile feed. */
  feed?: DataPushFeed;
  userName: string;
  /** The profile's dateLastUpdated (epoch seconds); absent for the other feeds. */
  dateLastUpdated?: number;
  status: number | "network-error";
  attempt: number;
  at: string;
  note?: "duplicate" | "out-of-order";
}

/** A message of another feed: its body, whose it is, and what a newer message replaces. */
export interface FeedMessage {
  body: Record<string, unknown>;
  userName: string;
  /** Messages with the same key are ordered: out-of-order resends the previous one after this one. */
  orderKey: string;
}

const MAX_ATTEMPTS = 6;
const MAX_LOG = 200;

function authHeaders(auth: LivePushAuth): Record<string, string> {
  if (auth.kind === "api-key") return { "x-api-key": auth.apiKey };
  if (auth.kind === "basic") {
    return { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString("base64")}` };
  }
  return {};
}

const retryable = (status: number | "network-error") =>
  status === "network-error" || status === 408 || status === 429 || status >= 500 || status === 404;

export interface LivePushSenderOptions {
  /** The user profile feed's endpoint. */
  url: string;
  /** The other feeds' endpoints (absent: that feed is not sent). */
  feedUrls?: Partial<Record<DataPushFeed, string>>;
  auth: LivePushAuth;
  baseDelayMs?: number;
}

export function createLivePushSender(options: LivePushSenderOptions) {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const faults: LivePushFaults = { duplicate: false, outOfOrder: false };
  const previous = new Map<string, LivePushBody>();
  const previousMessages = new Map<string, FeedMessage>();
  const deliveries: Delivery[] = [];

  function record(delivery: Delivery) {
    deliveries.push(delivery);
    if (deliveries.length > MAX_LOG) deliveries.shift();
  }

  async function post(
    url: string,
    body: unknown,
    about: Pick<Delivery, "feed" | "userName" | "dateLastUpdated">,
    note?: Delivery["note"],
  ): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      let status: Delivery["status"];
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...authHeaders(options.auth) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = "network-error";
      }
      record({ ...about, status, attempt, at: new Date().toISOString(), ...(note ? { note } : {}) });
      if (typeof status === "number" && status >= 200 && status < 300) return true;
      if (!retryable(status) || attempt === MAX_ATTEMPTS) return false;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
    return false;
  }

  return {
    faults,
    deliveries: () => [...deliveries],
    setFaults(next: { [K in keyof LivePushFaults]?: boolean | undefined }) {
      faults.duplicate = next.duplicate ?? faults.duplicate;
      faults.outOfOrder = next.outOfOrder ?? faults.outOfOrder;
    },
    /** Delivers a profile (with retries); resolves to whether it was acknowledged. */
    async send(body: LivePushBody): Promise<boolean> {
      const older = previous.get(body.userName);
      previous.set(body.userName, body);
      const about = (profile: LivePushBody) => ({
        userName: profile.userName,
        dateLastUpdated: profile.dateLastUpdated,
      });
      const acknowledged = await post(options.url, body, about(body));
      if (faults.duplicate) await post(options.url, body, about(body), "duplicate");
      if (faults.outOfOrder && older) await post(options.url, older, about(older), "out-of-order");
      return acknowledged;
    },
    /** Delivers a message of another feed (with retries); false when not acknowledged or not sent. */
    async sendFeed(feed: DataPushFeed, message: FeedMessage): Promise<boolean> {
      const url = options.feedUrls?.[feed];
      if (!url) return false;
      const key = `${feed}:${message.orderKey}`;
      const older = previousMessages.get(key);
      previousMessages.set(key, message);
      const about = { feed, userName: message.userName };
      const acknowledged = await post(url, message.body, about);
      if (faults.duplicate) await post(url, message.body, about, "duplicate");
      if (faults.outOfOrder && older) await post(url, older.body, about, "out-of-order");
      return acknowledged;
    },
  };
}
export type LivePushSender = ReturnType<typeof createLivePushSender>;
