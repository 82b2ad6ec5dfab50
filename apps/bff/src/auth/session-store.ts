import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db/database.ts";
import { LruMap } from "../lru-map.ts";

// Server-side sessions. The browser holds only a random id; the database holds its hash and who
// the member is. Lookups are served from memory for a few seconds so the hot path stays off the
// database, and every instance re-reads within that time, so a sign-out elsewhere takes hold.
// Whatever ends a session on this instance (sign-out, re-sign-in, expiry seen at a lookup, the sweep)
// is told to `onEnd` listeners, so what the session holds open (its live streams) ends with it.

export interface Session {
  idHash: string;
  sub: string;
  /** The id CrowdTwist knows this member by, taken from the configured claim at sign-in. */
  crowdtwistUserId: string;
  name: string | null;
  email: string | null;
  roles: string[];
  idToken: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionSettings {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  /** How long a lookup may be answered from memory before the database is asked again. */
  cacheMs: number;
  now?: () => Date;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 60 * 60_000,
  cacheMs: 5_000,
};

/** Last-seen is written at most this often: enough for idle expiry, cheap for busy members. */
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 100_000;

export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("base64url");

type SessionRow = {
  id_hash: string;
  sub: string;
  crowdtwist_user_id: string;
  name: string | null;
  email: string | null;
  roles: string[];
  id_token: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

const fromRow = (row: SessionRow): Session => ({
  idHash: row.id_hash,
  sub: row.sub,
  crowdtwistUserId: row.crowdtwist_user_id,
  name: row.name,
  email: row.email,
  roles: row.roles,
  idToken: row.id_token,
  createdAt: new Date(row.created_at),
  lastSeenAt: new Date(row.last_seen_at),
  expiresAt: new Date(row.expires_at),
});

export type NewSession = Pick<Session, "sub" | "crowdtwistUserId" | "name" | "email" | "roles" | "idToken">;

export function createSessionStore(db: Database, settings: SessionSettings = DEFAULT_SESSION_SETTINGS) {
  const now = settings.now ?? (() => new Date());
  const cache = new LruMap<string, { session: Session; cachedAt: number }>(MAX_CACHED);
  const endListeners = new Set<(idHash: string, here: boolean) => void>();
  const ended = (idHash: string, here = true) => {
    for (const listener of endListeners) listener(idHash, here);
  };

  // Keyed by the cookie's id itself, so a warm lookup costs no hashing; the id never leaves memory.
  function remember(id: string, session: Session) {
    cache.set(id, { session, cachedAt: now().getTime() });
  }

  const isLive = (session: Session, at: Date) =>
    at < session.expiresAt && at.getTime() - session.lastSeenAt.getTime() < settings.idleTimeoutMs;

  /**
   * The session for a cookie's id when this instance holds it, live, with nothing to write (no touch
   * due): what `get` would answer, without waiting. Null means "ask `get`", not "signed out".
   */
  function cachedLive(id: string): Session | null {
    const cached = cache.get(id);
    if (!cached) return null;
    const at = now();
    if (at.getTime() - cached.cachedAt >= settings.cacheMs) return null;
    const session = cached.session;
    const touchDue = at.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
    return isLive(session, at) && !touchDue ? session : null;
  }

  return {
    /** Creates a session and returns the id for the cookie; the id itself is never stored. */
    async create(fields: NewSession): Promise<{ id: string; session: Session }> {
      const id = randomBytes(32).toString("base64url");
      const at = now();
      const rows = await db.query<SessionRow>(
        `insert into sessions (id_hash, sub, crowdtwist_user_id, name, email, roles, id_token, created_at, last_seen_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) returning *`,
        [
          hashSessionId(id),
          fields.sub,
          fields.crowdtwistUserId,
          fields.name,
          fields.email,
          fields.roles,
          fields.idToken,
          at,
          new Date(at.getTime() + settings.absoluteTimeoutMs),
        ],
      );
      const session = fromRow(rows[0] as SessionRow);
      remember(id, session);
      return { id, session };
    },

    /**
     * The session for a cookie's id when this instance holds it, live, with nothing to write (no
     * touch due): what `get` would answer, without waiting. Null means "ask `get`", not "signed out".
     */
    cachedLive,

    /** The live session for a cookie's id, or null when unknown, revoked, idle too long or too old. */
    async get(id: string): Promise<Session | null> {
      const warm = cachedLive(id);
      if (warm) return warm;
      const at = now();
      const cached = cache.get(id);
      let session = cached && at.getTime() - cached.cachedAt < settings.cacheMs ? cached.session : null;
      if (!session) {
        const rows = await db.query<SessionRow>("select * from sessions where id_hash = $1", [
          hashSessionId(id),
        ]);
        session = rows[0] ? fromRow(rows[0]) : null;
        if (!session) {
          cache.delete(id);
          return null;
        }
        remember(id, session);
      }
      if (!isLive(session, at)) {
        await this.revoke(id);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        session.lastSeenAt = at;
        await db.query("update sessions set last_seen_at = $2 where id_hash = $1", [session.idHash, at]);
      }
      return session;
    },

    async revoke(id: string): Promise<void> {
      cache.delete(id);
      const idHash = hashSessionId(id);
      await db.query("delete from sessions where id_hash = $1", [idHash]);
      ended(idHash);
    },

    /**
     * Which of these sessions (by id hash) are still live, in one query and without touching
     * `last_seen_at`: an open stream is not activity, so it neither keeps a session alive nor is
     * answered from the cache that a revocation on another instance would not reach.
     */
    async stillLive(idHashes: readonly string[]): Promise<Set<string>> {
      if (idHashes.length === 0) return new Set();
      const at = now();
      const rows = await db.query<{ id_hash: string }>(
        "select id_hash from sessions where id_hash = any($1) and expires_at > $2 and last_seen_at > $3",
        [idHashes, at, new Date(at.getTime() - settings.idleTimeoutMs)],
      );
      return new Set(rows.map((row) => row.id_hash));
    },

    /**
     * Another instance ended this session (sign-out, re-sign-in, expiry): forget it here at once,
     * rather than answer from the cache for up to `cacheMs`, and tell the listeners.
     */
    endedElsewhere(idHash: string): void {
      for (const [id, entry] of cache) if (entry.session.idHash === idHash) cache.delete(id);
      ended(idHash, false);
    },

    /**
     * Calls `listener` with the id hash of every session that ends, and whether it ended on this
     * instance (false: told by another); returns an unsubscribe.
     */
    onEnd(listener: (idHash: string, here: boolean) => void): () => void {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },

    /** Removes sessions past their absolute or idle limit; run now and then. */
    async sweep(): Promise<number> {
      const at = now();
      const rows = await db.query(
        "delete from sessions where expires_at <= $1 or last_seen_at <= $2 returning id_hash",
        [at, new Date(at.getTime() - settings.idleTimeoutMs)],
      );
      const gone = new Set(rows.map((row) => row.id_hash as string));
      for (const [id, entry] of cache) if (gone.has(entry.session.idHash)) cache.delete(id);
      for (const idHash of gone) ended(idHash);
      return rows.length;
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

/** Sweeps ended sessions every `everyMs` (reporting a failed sweep); returns what stops it. */
export function startSessionSweep(
  sessions: SessionStore,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    sessions.sweep().catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
