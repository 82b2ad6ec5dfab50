import pg from "pg";
import type { Queryable } from "../db/database.ts";

/*
 * What one BFF instance tells the others, over Postgres LISTEN/NOTIFY: every instance already shares
 * the database, so this needs nothing more and works with or without Redis, on one machine or many.
 *
 * - `profile_stored`: a Live Push profile was committed; each instance drops what it cached for the
 *   member and sends the new profile to the member's tabs that it holds.
 * - `session_ended`: a sign-out, re-sign-in or expiry; each instance forgets the session at once and
 *   ends its streams (rather than at the next heartbeat's check).
 *
 * Messages are announcements, never the data: a receiver reads the database, so a message that is
 * lost (the listening connection dropped) costs latency, not correctness. After such a gap the bus
 * tells `onResync` listeners, who re-read what they hold.
 */

export const CLUSTER_CHANNEL = "portal_cluster";

export type ClusterMessage =
  | { type: "profile_stored"; memberKey: string }
  | { type: "session_ended"; idHash: string };

export interface ClusterBus {
  /** Announces to every other instance; a failure is reported, never thrown. */
  publish(message: ClusterMessage): Promise<void>;
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

function parse(payload: string | undefined): (ClusterMessage & { from: string }) | null {
  try {
    const value = JSON.parse(payload ?? "") as Record<string, unknown>;
    if (typeof value.from !== "string") return null;
    if (value.type === "profile_stored" && typeof value.memberKey === "string")
      return { type: value.type, memberKey: value.memberKey, from: value.from };
    if (value.type === "session_ended" && typeof value.idHash === "string")
      return { type: value.type, idHash: value.idHash, from: value.from };
  } catch {
    // not ours
  }
  return null;
}

export async function createClusterBus(options: ClusterBusOptions): Promise<ClusterBus> {
  const listeners = new Set<(message: ClusterMessage) => void>();
  const resyncListeners = new Set<() => void>();
  const firstDelay = options.reconnectMs ?? 250;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = firstDelay;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function deliver(payload: string | undefined) {
    const message = parse(payload);
    if (!message || message.from === options.instanceId) return;
    const { from: _from, ...rest } = message;
    for (const listener of listeners) {
      try {
        listener(rest as ClusterMessage);
      } catch (error) {
        options.onError(error, "a cluster message listener failed");
      }
    }
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 2_000 });
    next.on("notification", (note) => {
      if (note.channel === CLUSTER_CHANNEL) deliver(note.payload);
    });
    next.on("error", (error) => {
      options.onError(error, "the cluster bus lost its database connection");
      lost(next);
    });
    next.on("end", () => lost(next));
    await next.connect();
    await next.query(`listen ${CLUSTER_CHANNEL}`);
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

  return {
    async publish(message) {
      try {
        await options.db.query("select pg_notify($1, $2)", [
          CLUSTER_CHANNEL,
          JSON.stringify({ ...message, from: options.instanceId }),
        ]);
      } catch (error) {
        options.onError(error, `could not announce ${message.type} to the other instances`);
      }
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
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
