import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberProfileView } from "../profile/profile-view.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// The tier card's numbers and history end to end (docs/decisions/0018): the sandbox's Live Push
// (tier events in both letter cases, maintain, drop, reset, the sandbox's rewind) through the real
// webhook into Postgres, read back over /api/me as the member's browser does.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

async function sandbox(path: string) {
  const response = await fetch(`${system.sandbox.url}/sandbox${path}`, { method: "POST" });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

async function profileOf(agent: Agent): Promise<MemberProfileView | null> {
  const response = await agent.get("/api/me");
  expect(response.status).toBe(200);
  return response.json<{ profile: MemberProfileView | null }>().profile;
}

/** Polls /api/me until the push has been stored (its lastPush.dateLastUpdated moves past `after`). */
async function profileAfter(agent: Agent, dateLastUpdated: number): Promise<MemberProfileView> {
  const at = new Date(dateLastUpdated * 1000).toISOString();
  await expect
    .poll(async () => (await profileOf(agent))?.lastPush.dateLastUpdated, { timeout: 10_000 })
    .toBe(at);
  const profile = await profileOf(agent);
  if (!profile) throw new Error("no profile");
  return profile;
}

/** The sandbox sends ben's dates without a zone; they are UTC. */
const asUtc = (date: unknown) =>
  new Date(/(Z|[+-]\d\d:\d\d)$/.test(String(date)) ? String(date) : `${String(date)}Z`).toISOString();

const historyOf = (profile: MemberProfileView) => profile.history.map((h) => [h.event, h.tierTitle]);

/** The numbers the card shows must add up, whatever they are. */
function expectAddsUp(profile: MemberProfileView) {
  const { tier } = profile;
  if (!tier.next || tier.score === null) return;
  expect(tier.score + (tier.pointsToNext ?? Number.NaN)).toBe(Math.max(tier.score, tier.next.minScore));
  expect(tier.progress).toBeCloseTo(Math.min(1, tier.score / tier.next.minScore), 10);
  expect(tier.ladder.find((t) => t.title === tier.next?.title)?.minScore).toBe(tier.next.minScore);
  expect(profile.points.tierScore).toBe(tier.score);
  expect(profile.history[0]).toEqual(profile.lastEvent);
  expect(profile.history[0]?.tierTitle).toBe(tier.current?.title);
}

describe("the tier card over Live Push from the sandbox", () => {
  it("ben: 1,600 tier points of Gold's 2,500, 900 to go, a bar at 64 %, and Silver kept until its date", async () => {
    expect(await sandbox("/members/ben/push")).toEqual({ acknowledged: true });
    const profile = await profileOf(await system.signIn("ben"));
    if (!profile) throw new Error("no profile");
    expect(profile.tier).toMatchObject({
      current: { title: "Silver", minScore: 1000 },
      next: { title: "Gold", minScore: 2500 },
      score: 1600,
      pointsToNext: 900,
      progress: 0.64,
      maintain: { pointsNeeded: 0, by: expect.any(String) },
    });
    expect(profile.tier.ladder.map((t) => [t.title, t.minScore])).toEqual([
      ["Bronze", 0],
      ["Silver", 1000],
      ["Gold", 2500],
    ]);
    expect(profile.points).toEqual({ total: 2350, redeemable: 1900, tierScore: 1600 });
    expect(historyOf(profile)).toEqual([["JUMP", "Silver"]]);
    expectAddsUp(profile);
  });

  it("ava: an activity that keeps her tier changes her points, never her history", async () => {
    expect(await sandbox("/members/ava/push")).toEqual({ acknowledged: true });
    const agent = await system.signIn("ava");
    const before = await profileOf(agent);
    expect(before && historyOf(before)).toEqual([["START", "Bronze"]]);
    for (const activity of [101, 120]) {
      const done = await sandbox(`/members/ava/complete/${activity}`);
      expect(done).toMatchObject({ tierChanged: false, tier: "Bronze" });
      const after = await profileAfter(agent, Number(done.dateLastUpdated));
      expect(after.tier.score).toBeGreaterThan(before?.tier.score ?? 0);
      expect(after.history).toEqual(before?.history);
      expect(after.lastEvent).toEqual(before?.lastEvent);
      expectAddsUp(after);
    }
    const rows = await system.bff.db.query("select 1 from tier_history where member_key = 'ava'");
    expect(rows).toHaveLength(1);
  });

  it("a maintain, then a drop: each on its own date, the tier score restarts, the timeframe score is not read", async () => {
    const agent = await system.signIn("ben");
    const maintained = await sandbox("/members/ben/tier-period-end");
    expect(maintained).toMatchObject({ event: "MAINTAIN", tier: "Silver" });
    const kept = await profileAfter(agent, Number(maintained.dateLastUpdated));
    expect(historyOf(kept)).toEqual([
      ["MAINTAIN", "Silver"],
      ["JUMP", "Silver"],
    ]);
    expect(kept.tier).toMatchObject({ score: 0, pointsToNext: 2500, maintain: { pointsNeeded: 1000 } });
    expectAddsUp(kept);

    const dropped = await sandbox("/members/ben/tier-period-end");
    expect(dropped).toMatchObject({ event: "DROP", tier: "Bronze" });
    const after = await profileAfter(agent, Number(dropped.dateLastUpdated));
    // The document's sample shape: the tier score 0 while the timeframe score (1,600) is past Bronze.
    expect(after.tier).toMatchObject({
      current: { title: "Bronze" },
      next: { title: "Silver", minScore: 1000 },
      score: 0,
      pointsToNext: 1000,
      progress: 0,
    });
    expect(historyOf(after)).toEqual([
      ["DROP", "Bronze"],
      ["MAINTAIN", "Silver"],
      ["JUMP", "Silver"],
    ]);
    expect(after.lastEvent).toMatchObject({
      event: "DROP",
      tierTitle: "Bronze",
      at: asUtc(dropped.dateAssigned),
    });
    expectAddsUp(after);
  });

  it("a reset of the entry tier is an entry of its own; the sandbox's rewind undoes what came after", async () => {
    const ava = await system.signIn("ava");
    const reset = await sandbox("/members/ava/tier-period-end");
    expect(reset).toMatchObject({ event: "RESET", tier: "Bronze" });
    const after = await profileAfter(ava, Number(reset.dateLastUpdated));
    expect(historyOf(after)).toEqual([
      ["RESET", "Bronze"],
      ["START", "Bronze"],
    ]);

    // The sandbox's reset rewinds every member to the seed; the dropped ben is Silver again and his
    // history must say so, not "You moved to Bronze".
    const members = (await sandbox("/reset")).members as { username: string; dateLastUpdated: number }[];
    const stamp = (name: string) => members.find((m) => m.username === name)?.dateLastUpdated ?? 0;
    const ben = await profileAfter(await system.signIn("ben"), stamp("ben"));
    expect(ben.tier).toMatchObject({ current: { title: "Silver" }, score: 1600 });
    expect(historyOf(ben)).toEqual([["JUMP", "Silver"]]);
    expectAddsUp(ben);
    const rewound = await profileAfter(ava, stamp("ava"));
    expect(historyOf(rewound)).toEqual([["START", "Bronze"]]);
  });

  it("ben's tier dates come without a zone and mean the same instants, read as UTC", async () => {
    expect(await sandbox("/members/ben/push")).toEqual({ acknowledged: true });
    const profile = await profileOf(await system.signIn("ben"));
    const ben = system.sandbox.sandbox.state.members().find((m) => m.username === "ben");
    if (!profile || !ben) throw new Error("no profile");
    expect(ben.zonelessDates).toBe(true);
    // The sandbox sent "…T…:…:…" with no zone; the keep date is that instant in UTC, whatever the
    // server's own zone, and so is the history's date.
    expect(profile.tier, JSON.stringify(profile.tier)).toMatchObject({ current: { title: "Silver" } });
    expect(new Date(profile.tier.maintain?.by ?? "").getTime()).toBe(ben.expirationDate.getTime());
    expect(new Date(profile.history[0]?.at ?? "").getTime()).toBe(ben.dateAssigned.getTime());
  });

  it("eli's account is inactive, and the portal says so", async () => {
    expect(await sandbox("/members/eli/push")).toEqual({ acknowledged: true });
    const profile = await profileOf(await system.signIn("eli"));
    expect(profile?.active).toBe(false);
    expect(profile?.tier.current?.title).toBe("Bronze");
  });
});
