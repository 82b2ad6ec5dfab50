import type { ServerResponse } from "node:http";

// Fan-out of profile changes to every open tab of the member they belong to, over Server-Sent
// Events. Events are written straight to the Node responses: one preformatted string per change,
// no per-connection stream machinery, so a change reaches a thousand tabs in one pass.

export interface HubEvent {
  /** Monotonic per member; browsers send it back as Last-Event-ID when they reconnect. */
  id: string;
  event: string;
  data: string;
}

export interface ProfileHubOptions {
  heartbeatMs?: number;
  /** Tells a browser how long to wait before reconnecting after a drop. */
  retryMs?: number;
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store",
  connection: "keep-alive",
  // Proxies that buffer (nginx) would hold events back otherwise.
  "x-accel-buffering": "no",
  "x-content-type-options": "nosniff",
} as const;

export function formatEvent(event: HubEvent): string {
  const data = event.data
    .split("\n")
    .map((line) => `data: ${line}`)
    .join("\n");
  return `id: ${event.id}\nevent: ${event.event}\n${data}\n\n`;
}

export function createProfileHub(options: ProfileHubOptions = {}) {
  const subscribers = new Map<string, Set<ServerResponse>>();
  // Which session opened each stream, so signing out ends that session's streams at once.
  const sessions = new Map<ServerResponse, string>();
  let connections = 0;

  const heartbeat = setInterval(() => {
    for (const set of subscribers.values()) for (const res of set) res.write(": ping\n\n");
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  function remove(memberKey: string, res: ServerResponse) {
    sessions.delete(res);
    const set = subscribers.get(memberKey);
    if (!set?.delete(res)) return;
    connections -= 1;
    if (set.size === 0) subscribers.delete(memberKey);
  }

  return {
    /**
     * Opens the stream on `res`; `initial` goes out first (the current profile on a fresh or resumed
     * connection). `session` names the session that opened it (see `endSession`).
     */
    subscribe(memberKey: string, res: ServerResponse, initial?: HubEvent | null, session?: string): void {
      res.writeHead(200, SSE_HEADERS);
      res.write(`retry: ${options.retryMs ?? 3_000}\n\n`);
      if (initial) res.write(formatEvent(initial));
      let set = subscribers.get(memberKey);
      if (!set) {
        set = new Set();
        subscribers.set(memberKey, set);
      }
      set.add(res);
      if (session) sessions.set(res, session);
      connections += 1;
      res.on("close", () => remove(memberKey, res));
    },

    /** Sends an event to every open tab of one member; returns how many it reached. */
    publish(memberKey: string, event: HubEvent): number {
      const set = subscribers.get(memberKey);
      if (!set) return 0;
      const frame = formatEvent(event);
      for (const res of set) res.write(frame);
      return set.size;
    },

    /** Sends an event to every open connection (program-wide notices; the fan-out benchmark). */
    broadcast(event: HubEvent): number {
      const frame = formatEvent(event);
      for (const set of subscribers.values()) for (const res of set) res.write(frame);
      return connections;
    },

    connections: () => connections,

    /** Ends every stream a session opened (it signed out); other sessions of the member keep theirs. */
    endSession(session: string): void {
      for (const [res, owner] of sessions) if (owner === session) res.end();
    },

    close(): void {
      clearInterval(heartbeat);
      for (const set of subscribers.values()) for (const res of set) res.end();
      subscribers.clear();
      connections = 0;
    },
  };
}
export type ProfileHub = ReturnType<typeof createProfileHub>;
