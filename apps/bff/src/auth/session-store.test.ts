import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { createLoginStateStore } from "./login-state-store.ts";
import { createSessionStore, hashSessionId } from "./session-store.ts";

const MINUTE = 60_000;
const member = {
  sub: "ava",
  crowdtwistUserId: "ava",
  name: "Ava",
  email: null,
  roles: ["member"],
  idToken: "id.token",
};

function clock(start = Date.parse("2026-03-01T10:00:00Z")) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe("on Postgres", () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await openTestDatabase();
    db = store.db;
  });
  afterAll(() => store?.close());

  describe("session store", () => {
    it("stores only the hash of the id and finds the session by the id", async () => {
      const time = clock();
      const sessions = createSessionStore(db, {
        idleTimeoutMs: 30 * MINUTE,
        absoluteTimeoutMs: 12 * 60 * MINUTE,
        cacheMs: 0,
        now: time.now,
      });
      const { id } = await sessions.create(member);
      const rows = await db.query<{ id_hash: string }>("select id_hash from sessions where sub = 'ava'");
      expect(rows.map((r) => r.id_hash)).toContain(hashSessionId(id));
      expect(rows.map((r) => r.id_hash)).not.toContain(id);
      expect(await sessions.get(id)).toMatchObject({ sub: "ava", roles: ["member"] });
      expect(await sessions.get("not-a-session")).toBeNull();
    });

    it("ends a session left idle too long, and keeps one in use alive", async () => {
      const time = clock();
      const sessions = createSessionStore(db, {
        idleTimeoutMs: 30 * MINUTE,
        absoluteTimeoutMs: 12 * 60 * MINUTE,
        cacheMs: 0,
        now: time.now,
      });
      const busy = await sessions.create(member);
      const idle = await sessions.create(member);
      for (let i = 0; i < 4; i += 1) {
        time.advance(20 * MINUTE);
        expect(await sessions.get(busy.id)).not.toBeNull();
      }
      expect(await sessions.get(idle.id)).toBeNull();
    });

    it("ends every session at its absolute limit, however busy", async () => {
      const time = clock();
      const sessions = createSessionStore(db, {
        idleTimeoutMs: 30 * MINUTE,
        absoluteTimeoutMs: 60 * MINUTE,
        cacheMs: 0,
        now: time.now,
      });
      const { id } = await sessions.create(member);
      for (let i = 0; i < 5; i += 1) {
        time.advance(10 * MINUTE);
        expect(await sessions.get(id)).not.toBeNull();
      }
      time.advance(10 * MINUTE);
      expect(await sessions.get(id)).toBeNull();
    });

    it("forgets a revoked session at once, even from its memory cache", async () => {
      const sessions = createSessionStore(db, {
        idleTimeoutMs: 30 * MINUTE,
        absoluteTimeoutMs: 60 * MINUTE,
        cacheMs: 60_000,
      });
      const { id } = await sessions.create(member);
      expect(await sessions.get(id)).not.toBeNull();
      await sessions.revoke(id);
      expect(await sessions.get(id)).toBeNull();
    });

    it("sweeps expired sessions out of the table", async () => {
      const time = clock();
      const sessions = createSessionStore(db, {
        idleTimeoutMs: 30 * MINUTE,
        absoluteTimeoutMs: 60 * MINUTE,
        cacheMs: 0,
        now: time.now,
      });
      await sessions.create({ ...member, sub: "sweep-me" });
      time.advance(2 * 60 * MINUTE);
      expect(await sessions.sweep()).toBeGreaterThanOrEqual(1);
      expect(await db.query("select 1 from sessions where sub = 'sweep-me'")).toEqual([]);
    });
  });

  describe("session ends", () => {
    const settings = (now: () => Date) => ({
      idleTimeoutMs: 30 * MINUTE,
      absoluteTimeoutMs: 60 * MINUTE,
      cacheMs: 60_000,
      now,
    });

    it("tell listeners of every way a session ends: revocation, expiry seen at a lookup, the sweep", async () => {
      const time = clock();
      const sessions = createSessionStore(db, settings(time.now));
      const ended: string[] = [];
      const stop = sessions.onEnd((idHash) => ended.push(idHash));
      const revoked = await sessions.create(member);
      await sessions.revoke(revoked.id);
      expect(ended).toEqual([hashSessionId(revoked.id)]);

      const looked = await sessions.create(member);
      const swept = await sessions.create({ ...member, sub: "swept" });
      time.advance(31 * MINUTE);
      // Cached a minute, yet past its idle limit: the lookup ends it.
      expect(await sessions.get(looked.id)).toBeNull();
      expect(ended).toContain(hashSessionId(looked.id));
      await sessions.sweep();
      expect(ended).toContain(hashSessionId(swept.id));

      stop();
      const afterStop = await sessions.create(member);
      await sessions.revoke(afterStop.id);
      expect(ended).not.toContain(hashSessionId(afterStop.id));
    });

    it("answer which sessions are still live in one query, without keeping them alive", async () => {
      const time = clock();
      const sessions = createSessionStore(db, settings(time.now));
      const active = await sessions.create(member);
      const idle = await sessions.create(member);
      const revoked = await sessions.create(member);
      await sessions.revoke(revoked.id);
      const hashes = [active.id, idle.id, revoked.id, "never-issued"].map(hashSessionId);
      expect(await sessions.stillLive(hashes)).toEqual(
        new Set([hashSessionId(active.id), hashSessionId(idle.id)]),
      );
      expect(await sessions.stillLive([])).toEqual(new Set());

      time.advance(20 * MINUTE);
      expect(await sessions.get(active.id)).not.toBeNull(); // activity: last seen moves
      expect(await sessions.stillLive(hashes)).toEqual(
        new Set([hashSessionId(active.id), hashSessionId(idle.id)]),
      );
      time.advance(15 * MINUTE);
      // The idle one passed its limit; asking about it did not count as activity.
      expect(await sessions.stillLive(hashes)).toEqual(new Set([hashSessionId(active.id)]));
      time.advance(30 * MINUTE);
      // Past the absolute hour, however active.
      expect(await sessions.stillLive(hashes)).toEqual(new Set());
    });

    it("see a revocation made by another instance, whatever this one's cache holds", async () => {
      const realTime = settings(() => new Date());
      const here = createSessionStore(db, realTime);
      const elsewhere = createSessionStore(db, realTime);
      const { id } = await here.create(member);
      expect(await here.get(id)).not.toBeNull();
      await elsewhere.revoke(id);
      expect(await here.stillLive([hashSessionId(id)])).toEqual(new Set());
    });
  });

  describe("login state store", () => {
    it("hands a state out once, then never again", async () => {
      const states = createLoginStateStore(db);
      await states.save("state-1", { codeVerifier: "v", nonce: "n", returnTo: "/activities" });
      expect(await states.take("state-1")).toEqual({
        codeVerifier: "v",
        nonce: "n",
        returnTo: "/activities",
      });
      expect(await states.take("state-1")).toBeNull();
      expect(await states.take("never-saved")).toBeNull();
    });

    it("refuses a state older than ten minutes", async () => {
      const time = clock();
      const states = createLoginStateStore(db, time.now);
      await states.save("state-2", { codeVerifier: "v", nonce: "n", returnTo: "/" });
      time.advance(11 * MINUTE);
      expect(await states.take("state-2")).toBeNull();
    });
  });
});
