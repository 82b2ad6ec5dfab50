import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Queryable } from "../db/database.ts";
import { type FeedName, isFeedName } from "../live-push/feeds/feed-names.ts";

/*
 * What one BFF instance tells the others, over Postgres LISTEN/NOTIFY: every instance already shares
 * the database, so this needs nothing more and works with or without Redis, on one machine or many.
 *
 * - `profile_stored`: a Live Push profile was committed; each instance drops what it cached for the
 *   member and sends the new profile to the member's tabs that it holds.
 * - `feed_stored`: a message of another Data Push feed was committed for the member (a completion,
 *   an order, expiring points, a segment change); each instance drops what it cached for the member
 *   when that feed changes it and tells the member's tabs it holds (docs/decisions/0030).
 * - `session_ended`: a sign-out, re-sign-in or expiry; each instance forgets the session at once and
 *   ends its streams (rather than at the next heartbeat's check).
 *
 * Messages are announcements, never the data: a receiver reads the database, so a message that is
 * lost (the listening connection dropped) costs latency, not correctness. After such a gap the bus
 * tells `onResync` listeners, who re-read what they hold.
 */

export const CLUSTER_CHANNEL = "portal_cluster";

export type ClusterMessage =
  /** `sharedDropped`: the sender dropped the member's activities in Redis (false: receivers try). */
  | { type: "profile_stored"; memberKey: string; sharedDropped: boolean }
  /** `sharedDropped` as above, for the feeds whose messages change the member's activities. */
  | { type: "feed_stored"; feed: FeedName; memberKey: string; sharedDropped: boolean }
  | { type: "session_ended"; idHash: string };

/**
 * What another statement needs to announce inside its own transaction, so that the announcement is
 * delivered at its commit and costs no round trip of its own: a payload is `head`, then messages
 * from `encode` joined by ",", then `tail`, at most `maxPayload` characters.
 */
export interface InStatementAnnouncer {
  channel: string;
  head: string;
  tail: string;
  maxPayload: number;
  encode(message: ClusterMessage): string;
}

export interface ClusterBus {
  /** Announces to every other instance; a failure is reported, never thrown. */
  publish(message: ClusterMessage): Promise<void>;
  /** For announcing in a statement of one's own (the Live Push store); receivers cannot tell. */
  inStatement(): InStatementAnnouncer;
  subscribe(listener: (message: ClusterMessage) => void): () => void;
  /** Called after the listening connection came back: messages may have been missed meanwhile. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface ClusterBusOptions {
  databaseUrl: string;
  /** For publishing (the pool). */
  db: Queryable;
  instanceId: string;
  onError: (error: unknown, what: string) => void;
  /** First reconnect delay; doubles up to 5 s. */
  reconnectMs?: number;
}

/** Waits before trying a failed NOTIFY again. */
const RETRIES_MS = [100, 500, 2_000, 5_000];
const CHECK_EVERY_MS = 30_000;

/** Postgres refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD = 7_500;

function message(value: unknown): ClusterMessage | null {
  if (typeof value !== "object" || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === "profile_stored" && typeof m.memberKey === "string")
    return { type: m.type, memberKey: m.memberKey, sharedDropped: m.sharedDropped !== false };
  if (m.type === "feed_stored" && typeof m.memberKey === "string" && isFeedName(m.feed))
    return { type: m.type, feed: m.feed, memberKey: m.memberKey, sharedDropped: m.sharedDropped !== false };
  if (m.type === "session_ended" && typeof m.idHash === "string") return { type: m.type, idHash: m.idHash };
  return null;
}

/** A payload: who sent it and the messages it carries (several, when they were sent together). */
function parse(payload: string | undefined): { from: string; messages: ClusterMessage[] } | null {
  try {
    const value = JSON.parse(payload ?? "") as Record<string, unknown>;
    if (typeof value.from !== "string" || !Array.isArray(value.m)) return null;
    return { from: value.from, messages: value.m.flatMap((m) => message(m) ?? []) };
  } catch {
    return null; // not ours
  }
}

export async function createClusterBus(options: ClusterBusOptions): Promise<ClusterBus> {
  const listeners = new Set<(message: ClusterMessage) => void>();
  const resyncListeners = new Set<() => void>();
  const firstDelay = options.reconnectMs ?? 250;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = firstDelay;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Who sent a message, to skip our own: the instance's name plus this process's random part, since
  // operators may give every replica the same PORTAL_INSTANCE_ID.
  const self = `${options.instanceId}:${randomBytes(6).toString("hex")}`;
  const payloadHead = `{"from":${JSON.stringify(self)},"m":[`;

  function deliver(payload: string | undefined) {
    // Every NOTIFY comes back to its sender too (one per stored batch of pushes): ours are known by
    // their opening, without parsing them.
    if (payload?.startsWith(payloadHead)) return;
    const parsed = parse(payload);
    if (!parsed || parsed.from === self) return;
    for (const message of parsed.messages) {
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          options.onError(error, "a cluster message listener failed");
        }
      }
    }
  }

  // Messages published in the same turn of the event loop go out together: under a burst of pushes
  // one NOTIFY carries many, rather than one statement per push.
  let queued: { message: ClusterMessage; sent: () => void }[] = [];
  let sending: Promise<void> = Promise.resolve();
  function flush() {
    const batch = queued;
    queued = [];
    const payloads: { text: string; sent: (() => void)[] }[] = [];
    let parts: string[] = [];
    let sent: (() => void)[] = [];
    const head = payloadHead;
    const close = () => {
      if (parts.length > 0) payloads.push({ text: `${head}${parts.join(",")}]}`, sent });
      parts = [];
      sent = [];
    };
    let size = head.length;
    for (const item of batch) {
      const part = JSON.stringify(item.message);
      if (size + part.length + 3 > MAX_PAYLOAD) {
        close();
        size = head.length;
      }
      parts.push(part);
      sent.push(item.sent);
      size += part.length + 1;
    }
    close();
    // One after another, so the others hear them in the order they were published; a NOTIFY that
    // fails (no pooled connection in time, a failover) is tried again, as the others' tabs wait on it.
    for (const payload of payloads) {
      sending = sending.then(async () => {
        for (let attempt = 0; ; attempt += 1) {
          try {
            await options.db.query("select pg_notify($1, $2)", [CLUSTER_CHANNEL, payload.text]);
            break;
          } catch (error) {
            if (closed || attempt >= RETRIES_MS.length) {
              options.onError(error, "could not announce changes to the other instances");
              break;
            }
            await new Promise((again) => setTimeout(again, RETRIES_MS[attempt]));
          }
        }
        for (const done of payload.sent) done();
      });
    }
  }

  async function connect(): Promise<void> {
    // TCP keep-alive, and a check below: a listening connection only receives, so one a firewall
    // dropped silently would otherwise never be noticed.
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
      query_timeout: 5_000,
    });
    next.on("notification", (note) => {
      if (note.channel === CLUSTER_CHANNEL) deliver(note.payload);
    });
    next.on("error", (error) => {
      options.onError(error, "the cluster bus lost its database connection");
      lost(next);
    });
    next.on("end", () => lost(next));
    try {
      await next.connect();
      await next.query(`listen ${CLUSTER_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = firstDelay;
  }

  function lost(which: pg.Client) {
    if (client !== which) return;
    client = null;
    which.end().catch(() => {});
    schedule();
  }

  function schedule() {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          for (const listener of resyncListeners) listener();
        },
        (error: unknown) => {
          options.onError(error, "the cluster bus could not reconnect");
          delay = Math.min(delay * 2, 5_000);
          schedule();
        },
      );
    }, delay);
    timer.unref();
  }

  await connect();
  // Every 30 s the listening connection must answer a query, or it is replaced (and what it may have
  // missed is re-read).
  const check = setInterval(() => {
    const current = client;
    current?.query("select 1").catch((error: unknown) => {
      options.onError(error, "the cluster bus's connection stopped answering");
      lost(current);
    });
  }, CHECK_EVERY_MS);
  check.unref();

  return {
    publish(message) {
      return new Promise<void>((sent) => {
        if (queued.length === 0) setImmediate(flush);
        queued.push({ message, sent });
      });
    },
    inStatement() {
      return {
        channel: CLUSTER_CHANNEL,
        head: payloadHead,
        tail: "]}",
        maxPayload: MAX_PAYLOAD,
        encode: (message) => JSON.stringify(message),
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(check);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
