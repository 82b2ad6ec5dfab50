import { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivityView } from "../member/activity-views.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";
import type { MemberActivitiesBody, ProgramTierView } from "./me.ts";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

async function activitiesOf(agent: Agent, path = "/api/me/activities", headers: Record<string, string> = {}) {
  const response = await agent.get(path, headers);
  expect(response.status).toBe(200);
  return { response, body: response.json<MemberActivitiesBody>() };
}

const byId = (activities: MemberActivityView[]) => new Map(activities.map((a) => [a.id, a]));

describe("GET /api/me/activities", () => {
  it("refuses anonymous callers", async () => {
    const response = await new Agent(system.portalUrl).get("/api/me/activities");
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({
      error: { code: "unauthenticated", requestId: expect.any(String) },
    });
  });

  it("gives ava her activities: locked ones with the tier that unlocks them, hidden ones absent", async () => {
    const agent = await system.signIn("ava");
    const { response, body } = await activitiesOf(agent);
    if (!body.enrolled) throw new Error("ava is enrolled");
    const activities = byId(body.activities);
    // Hidden by tier never leaves the server: not in the list, not anywhere in the bytes.
    for (const hidden of ["107", "108", "124"]) {
      expect(activities.has(hidden)).toBe(false);
      expect(response.text).not.toContain(`"id":"${hidden}"`);
    }
    expect(response.text).not.toMatch(/isHiddenByTier|is_hidden_by_tier/);
    expect(activities.get("105")?.visibility).toEqual({
      state: "locked",
      unlockTier: { id: "345", title: "Silver", minScore: 1000 },
    });
    expect(activities.get("106")?.visibility).toMatchObject({
      state: "locked",
      unlockTier: { title: "Gold" },
    });
    expect(activities.get("101")?.visibility).toEqual({ state: "available" });
    // The staff-segment exclusion does not apply to ava; the New York inclusion does.
    expect(activities.has("115")).toBe(true);
    expect(activities.has("113")).toBe(true);
    expect(activities.has("114")).toBe(false);
    expect(body.freshness).toMatchObject({ degraded: false, fetchedAt: expect.any(String) });
  });

  it("counts campaign points as the program stacks them (best single campaign)", async () => {
    const agent = await system.signIn("ava");
    const { body } = await activitiesOf(agent);
    const activities = byId(body.activities);
    expect(activities.get("109")?.points).toMatchObject({ base: 200, effective: 650, bonus: 450 });
    expect(activities.get("110")?.points).toMatchObject({ base: 250, effective: 500 });
    expect(activities.get("104")?.points).toMatchObject({ base: 500, effective: 600 });
    expect(activities.get("101")?.points).toMatchObject({ base: 25, effective: 25, campaigns: [] });
  });

  it('counts a gift-only campaign in both encodings: multiplier 1 and multiplier 0 (as 0 and "0.0")', async () => {
    const agent = await system.signIn("ava");
    const activities = byId((await activitiesOf(agent)).body.activities);
    const giftOnly = (title: string, pointGift: number, points: number) => ({
      stacking: "best_single",
      campaigns: [{ title, multiplier: 1, pointGift, points, applied: true }],
    });
    expect(activities.get("104")?.points).toEqual({
      base: 500,
      effective: 600,
      bonus: 100,
      ...giftOnly("New store launch gift", 100, 600),
    });
    // Sent as multiplier 0 (a number on odd ids, "0.0" on even ones): the gift on top, never ×0.
    expect(activities.get("123")?.points).toEqual({
      base: 30,
      effective: 50,
      bonus: 20,
      ...giftOnly("Newsletter thank-you", 20, 50),
    });
    expect(activities.get("102")?.points).toEqual({
      base: 50,
      effective: 75,
      bonus: 25,
      ...giftOnly("Follower welcome gift", 25, 75),
    });
  });

  it("marks date windows: upcoming, ending soon, expired", async () => {
    const agent = await system.signIn("cleo");
    const { body } = await activitiesOf(agent);
    const activities = byId(body.activities);
    expect(activities.get("116")?.window.state).toBe("upcoming");
    expect(activities.get("117")?.window.state).toBe("ending_soon");
    expect(activities.get("118")?.window.state).toBe("expired");
    expect(activities.get("101")?.window.state).toBe("open");
  });

  it("shows each member their own tier's view", async () => {
    const ben = byId((await activitiesOf(await system.signIn("ben"))).body.activities);
    expect(ben.get("105")?.visibility.state).toBe("available");
    expect(ben.get("108")?.visibility.state).toBe("available");
    expect(ben.get("106")?.visibility.state).toBe("locked");
    expect(ben.has("107")).toBe(false);
    expect(ben.has("115")).toBe(false); // ben is staff: excluded by segment
    const cleo = byId((await activitiesOf(await system.signIn("cleo"))).body.activities);
    expect([...cleo.values()].every((a) => a.visibility.state === "available")).toBe(true);
    expect(cleo.has("124")).toBe(true);
  });

  it("explains why an activity cannot be done now, and carries its frequency rule", async () => {
    const agent = await system.signIn("ava");
    const activities = byId((await activitiesOf(agent)).body.activities);
    expect(activities.get("105")?.why).toEqual([
      expect.objectContaining({
        kind: "tier",
        unlockTier: { id: "345", title: "Silver", minScore: 1000 },
        action: "earn_points",
      }),
    ]);
    expect(activities.get("116")?.why).toEqual([
      expect.objectContaining({ kind: "not_started", action: "wait" }),
    ]);
    expect(activities.get("118")?.why).toEqual([expect.objectContaining({ kind: "ended", action: "none" })]);
    expect(activities.get("101")?.why).toEqual([]);
    expect(activities.get("101")?.frequency).toEqual({ cap: 1, period: "day", requiredAttempts: 1 });
    expect(activities.get("101")?.pointsOnClick).toBe(true);
    expect(activities.get("119")?.frequency).toEqual({ cap: 5, period: "week", requiredAttempts: 2 });
  });

  it("cannot be steered to another member by query parameters or headers", async () => {
    const agent = await system.signIn("ava");
    const own = (await activitiesOf(agent)).body;
    const attempts: [string, Record<string, string>][] = [
      ["/api/me/activities?userId=cleo", {}],
      ["/api/me/activities?user_id=cleo&id_type=username", {}],
      ["/api/me/activities?sub=cleo", {}],
      [
        "/api/me/activities",
        { "x-user-id": "cleo", "x-crowdtwist-user": "cleo", "x-forwarded-user": "cleo" },
      ],
    ];
    for (const [path, headers] of attempts) {
      const { body } = await activitiesOf(agent, path, headers);
      expect(body.activities.map((a) => a.id)).toEqual(own.activities.map((a) => a.id));
      expect(byId(body.activities).has("124")).toBe(false); // a Gold-only activity cleo would see
    }
  });

  it("sends an ETag and answers 304 without a body while the list is unchanged; another member's tag never matches", async () => {
    const ava = await system.signIn("ava");
    const first = await ava.get("/api/me/activities");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const ifNoneMatch of [etag as string, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await ava.get("/api/me/activities", { "if-none-match": ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("no-store");
    }
    // A tag that is not this list's gets the whole list, as does a member whose list differs.
    expect((await ava.get("/api/me/activities", { "if-none-match": '"stale"' })).status).toBe(200);
    const cleo = await system.signIn("cleo");
    const cleos = await cleo.get("/api/me/activities", { "if-none-match": etag as string });
    expect(cleos.status).toBe(200);
    expect(cleos.headers.get("etag")).not.toBe(etag);
  });

  it("says when the signed-in person has no loyalty account", async () => {
    const agent = await system.signIn("morgan");
    const { body } = await activitiesOf(agent);
    expect(body).toEqual({ enrolled: false, activities: [], freshness: null });
  });
});

describe("GET /api/me", () => {
  it("answers an anonymous caller 200 with nobody signed in, and drops a stale signed-in hint", async () => {
    const nobody = await new Agent(system.portalUrl).get("/api/me");
    expect(nobody.status).toBe(200);
    expect(nobody.json()).toEqual({
      user: null,
      profile: null,
      // Only the time zone: the tiers are for a member's tier card, not for a signed-out page.
      program: { timeZone: expect.any(String) },
    });
    // No hint sent, none to clear: the answer sets no cookie.
    expect(nobody.headers.getSetCookie()).toEqual([]);

    const stale = await new Agent(system.portalUrl).get("/api/me", {
      cookie: "__Host-portal.signed-in=1",
    });
    expect(stale.json()).toMatchObject({ user: null });
    expect(stale.headers.getSetCookie().join("\n")).toMatch(/^__Host-portal\.signed-in=;.*Max-Age=0/);
  });

  it("sets the signed-in hint with the session, readable by the page, and clears it at sign-out", async () => {
    const agent = await system.signIn("ava");
    expect(agent.cookie("__Host-portal.signed-in")).toBe("1");
    const out = await agent.request("POST", "/api/auth/logout", {
      headers: { "x-csrf": "1", origin: system.portalUrl },
    });
    expect(out.status).toBe(200);
    expect(agent.cookie("__Host-portal.signed-in")).toBeUndefined();
  });

  it("says who is signed in, and whether they manage the program", async () => {
    const member = await (await system.signIn("ava")).get("/api/me");
    expect(member.json()).toEqual({
      user: {
        sub: "ava",
        name: "Ava Lindqvist",
        email: "ava@example.com",
        roles: ["member"],
        isManager: false,
      },
      profile: null,
      program: {
        timeZone: "UTC",
        // The demo program's tiers, lowest first, each with its benefits in words.
        tiers: [
          expect.objectContaining({ id: "334", title: "Bronze", minScore: 0, maxScore: 999 }),
          expect.objectContaining({ id: "345", title: "Silver", minScore: 1000, maxScore: 2499 }),
          expect.objectContaining({ id: "356", title: "Gold", minScore: 2500, maxScore: null }),
        ],
      },
    });
    const { tiers } = member.json<{ program: { tiers: ProgramTierView[] } }>().program;
    for (const tier of tiers) expect(tier.benefits.length).toBeGreaterThan(0);
    const manager = await (await system.signIn("morgan")).get("/api/me");
    expect(manager.json()).toMatchObject({
      user: { sub: "morgan", roles: ["program_manager"], isManager: true },
    });
  });
});
