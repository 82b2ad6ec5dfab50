import type { ServerResponse } from "node:http";

// Each member's open tabs, and the fan-out to them over Server-Sent Events of what changed for the
// member: the profile, and the `activities` and `history` notices of the other feeds. Events are
// written straight to the Node responses: one preformatted string per change, no per-connection
// stream machinery, so a change reaches a thousand tabs in one pass.
//
// Every stream belongs to a session and ends with it: at once when the session ends on this instance
// (`endSession`), and at the next heartbeat when it ended anywhere else (`liveSessions`). Streams are
// capped per session and per client address, since each one holds a file handle for as long as the
// tab stays open.

export interface HubEvent {
  /**
   * Monotonic per member (the profile's version); browsers send it back as Last-Event-ID when they
   * reconnect. Left out of events that are not a profile, so a reconnect still resumes by version.
   */
  id?: string;
  event: string;
  data: string;
}

export interface MemberStreamsOptions {
  heartbeatMs?: number;
  /** Tells a browser how long to wait before reconnecting after a drop. */
  retryMs?: number;
  /** Of the sessions holding streams, those still live; asked once per heartbeat for all of them. */
  liveSessions?: (idHashes: string[]) => Promise<Set<string>>;
  /** The check could not be made (database down): streams stay open until the next heartbeat. */
  onCheckFailed?: (error: unknown) => void;
  maxPerSession?: number;
  maxPerAddress?: number;
}

/** Who a stream belongs to. */
export interface StreamOwner {
  memberKey: string;
  /** The session's id hash. */
  session: string;
  address: string;
}

/** Why a stream was refused, or null when it may open. */
export type StreamRefusal = "session_limit" | "address_limit" | null;

/** A browser opens at most six connections per host over HTTP/1.1: one session never needs more. */
export const MAX_STREAMS_PER_SESSION = 6;
export const DEFAULT_MAX_STREAMS_PER_ADDRESS = 50;
/** How soon a browser whose stream this instance ended on shutting down comes back. */
const RECONNECT_SOON_MS = 500;

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
  return `${event.id === undefined ? "" : `id: ${event.id}\n`}event: ${event.event}\n${data}\n\n`;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set?.delete(value) && set.size === 0) map.delete(key);
}

export function createMemberStreams(options: MemberStreamsOptions = {}) {
  const maxPerSession = options.maxPerSession ?? MAX_STREAMS_PER_SESSION;
  const maxPerAddress = options.maxPerAddress ?? DEFAULT_MAX_STREAMS_PER_ADDRESS;
  const owners = new Map<ServerResponse, StreamOwner>();
  const byMember = new Map<string, Set<ServerResponse>>();
  const bySession = new Map<string, Set<ServerResponse>>();
  const byAddress = new Map<string, Set<ServerResponse>>();
  let checking = false;
  let closed = false;

  function remove(res: ServerResponse) {
    const owner = owners.get(res);
    if (!owner) return;
    owners.delete(res);
    removeFrom(byMember, owner.memberKey, res);
    removeFrom(bySession, owner.session, res);
    removeFrom(byAddress, owner.address, res);
  }

  function endSession(session: string) {
    for (const res of [...(bySession.get(session) ?? [])]) {
      // Forgotten now, not at "close": the slot is free and nothing more is sent to it.
      remove(res);
      res.end();
    }
  }

  async function checkSessions() {
    if (!options.liveSessions || checking || bySession.size === 0) return;
    checking = true;
    try {
      const held = [...bySession.keys()];
      const live = await options.liveSessions(held);
      for (const session of held) if (!live.has(session)) endSession(session);
    } catch (error) {
      options.onCheckFailed?.(error);
    } finally {
      checking = false;
    }
  }

  const heartbeat = setInterval(() => {
    for (const res of owners.keys()) res.write(": ping\n\n");
    void checkSessions();
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  function refusal(owner: Pick<StreamOwner, "session" | "address">): StreamRefusal {
    if ((bySession.get(owner.session)?.size ?? 0) >= maxPerSession) return "session_limit";
    if ((byAddress.get(owner.address)?.size ?? 0) >= maxPerAddress) return "address_limit";
    return null;
  }

  return {
    /** Whether a stream for this owner would be refused, before any work is done for it. */
    refusal,

    /**
     * Opens the stream on `res` unless a cap refuses it (then nothing is written and the caller
     * answers). `initial` goes out first (the current profile on a fresh or resumed connection);
     * `headers` are the ones every response carries (security headers, request id), under the
     * stream's own.
     */
    subscribe(
      res: ServerResponse,
      owner: StreamOwner,
      opening: { initial?: HubEvent | null; headers?: Record<string, string | string[]> } = {},
    ): StreamRefusal {
      const refused = refusal(owner);
      if (refused) return refused;
      // Shutting down (draining): a stream asked for now is told to come back in a moment, which
      // the proxy sends to another instance, rather than held open here until the process exits.
      if (closed) {
        if (!res.destroyed && !res.writableEnded) {
          res.writeHead(200, { ...opening.headers, ...SSE_HEADERS });
          res.end(`retry: ${RECONNECT_SOON_MS}\n\n`);
        }
        return null;
      }
      // The tab went away while the stream was being prepared: "close" has fired already and would
      // never free the slot.
      if (res.destroyed || res.writableEnded) return null;
      res.writeHead(200, { ...opening.headers, ...SSE_HEADERS });
      res.write(`retry: ${options.retryMs ?? 3_000}\n\n`);
      if (opening.initial) res.write(formatEvent(opening.initial));
      owners.set(res, owner);
      addTo(byMember, owner.memberKey, res);
      addTo(bySession, owner.session, res);
      addTo(byAddress, owner.address, res);
      res.on("close", () => remove(res));
      return null;
    },

    /** Sends an event to every open tab of one member; returns how many it reached. */
    publish(memberKey: string, event: HubEvent): number {
      const set = byMember.get(memberKey);
      if (!set) return 0;
      // Encoded once: every tab gets the same bytes.
      const frame = Buffer.from(formatEvent(event));
      for (const res of set) res.write(frame);
      return set.size;
    },

    /** Sends an event to every open connection (program-wide notices; the fan-out benchmark). */
    broadcast(event: HubEvent): number {
      const frame = Buffer.from(formatEvent(event));
      for (const res of owners.keys()) res.write(frame);
      return owners.size;
    },

    connections: () => owners.size,
    /** Whether this member has a tab open here: no tab, nothing to publish or to load for one. */
    hasMember: (memberKey: string) => (byMember.get(memberKey)?.size ?? 0) > 0,
    /** The members with a tab open here. */
    members: () => [...byMember.keys()],

    /** Ends every stream a session opened (it ended); other sessions of the member keep theirs. */
    endSession,

    /** Ends every stream, telling each browser to reconnect soon (to another instance). */
    close(): void {
      closed = true;
      clearInterval(heartbeat);
      for (const res of [...owners.keys()]) {
        remove(res);
        res.end(`retry: ${RECONNECT_SOON_MS}\n\n`);
      }
    },
  };
}
export type MemberStreams = ReturnType<typeof createMemberStreams>;
