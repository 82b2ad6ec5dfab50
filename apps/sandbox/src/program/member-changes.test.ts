import { describe, expect, it } from "vitest";
import { seedProgram } from "./seed.ts";
import { SEGMENT } from "./seed-ids.ts";
import { createProgramState, spendExpiring } from "./state.ts";

// Redemptions, segment changes and expiring points in the sandbox's program state: what the Data
// Push feeds report (docs/decisions/0030).

const DAY_MS = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 4, 1) + n * DAY_MS);

describe("expiring points", () => {
  it("ava has points expiring within 30 days of the start, nearest first", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const ava = state.members().find((m) => m.username === "ava");
    const soon = ava?.expiring.filter((b) => b.date.getTime() - at.getTime() < 30 * DAY_MS) ?? [];
    expect(soon.length).toBeGreaterThan(0);
    expect(ava?.expiring.map((b) => b.date.getTime())).toEqual(
      [...(ava?.expiring ?? [])].map((b) => b.date.getTime()).sort((a, b) => a - b),
    );
  });

  it.each([
    ["nothing spent", 0, [100, 150]],
    ["part of the nearest", 60, [40, 150]],
    ["all of the nearest", 100, [150]],
    ["into the next", 180, [70]],
    ["more than expires", 500, []],
  ])("spends the soonest-expiring first: %s", (_name, spent, left) => {
    const buckets = [
      { points: 100, date: day(12) },
      { points: 150, date: day(45) },
    ];
    expect(spendExpiring(buckets, spent).map((b) => b.points)).toEqual(left);
  });
});

describe("redeem", () => {
  it("spends redeemable points, uses up expiring ones first and moves the profile's stamp", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const before = state.members().find((m) => m.username === "ava");
    const stamp = before?.dateLastUpdated ?? 0;
    const changedAt = before?.expiringChangedAt ?? 0;
    const result = state.redeem("ava", 947563);
    expect(result).toMatchObject({ ok: true, reward: { title: "$20 Gift Card", cost: 300 } });
    if (!result.ok) throw new Error("refused");
    expect(result.member.redeemablePoints).toBe(50);
    expect(result.member.totalPoints).toBe(350);
    expect(result.member.expiring.map((b) => b.points)).toEqual([]);
    expect(result.member.dateLastUpdated).toBeGreaterThan(stamp);
    expect(result.member.expiringChangedAt).toBeGreaterThan(changedAt);
  });

  it.each([
    ["not enough points", "ava", 947580, 409],
    ["an unknown reward", "ava", 1, 404],
    ["an unknown member", "zed", 947563, 404],
  ])("refuses %s", (_name, username, rewardId, status) => {
    const state = createProgramState(seedProgram);
    expect(state.redeem(username, rewardId)).toMatchObject({ ok: false, status });
  });
});

describe("segments", () => {
  it("a member enters and exits, each change stamped later than the one before", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const exited = state.setSegment("ava", SEGMENT.newYork, false);
    expect(exited).toMatchObject({ ok: true, changed: true, member: { segments: [] } });
    const first = exited.ok ? exited.member.segmentChangedAt.get(SEGMENT.newYork) : undefined;
    // In the same second: the change is still dated after the previous one.
    const entered = state.setSegment("ava", SEGMENT.newYork, true);
    expect(entered).toMatchObject({ ok: true, changed: true, member: { segments: [SEGMENT.newYork] } });
    expect(entered.ok && entered.member.segmentChangedAt.get(SEGMENT.newYork)).toBe((first ?? 0) + 1);
    expect(state.setSegment("ava", SEGMENT.newYork, true)).toMatchObject({ ok: true, changed: false });
  });

  it("a change in the second the state started is dated after the memberships' resynchronisation", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const ava = state.members().find((m) => m.username === "ava");
    const changed = state.setSegment("ava", SEGMENT.newYork, false);
    expect(changed.ok && changed.member.segmentChangedAt.get(SEGMENT.newYork)).toBe(
      (ava?.segmentsSince ?? 0) + 1,
    );
  });

  it("refuses an unknown segment or member", () => {
    const state = createProgramState(seedProgram);
    expect(state.setSegment("ava", 1, true)).toMatchObject({ ok: false, status: 404 });
    expect(state.setSegment("zed", SEGMENT.newYork, true)).toMatchObject({ ok: false, status: 404 });
  });

  it("a reset puts the seed back, dated after every change it undoes", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const changed = state.setSegment("ava", SEGMENT.newYork, false);
    const when = changed.ok ? (changed.member.segmentChangedAt.get(SEGMENT.newYork) ?? 0) : 0;
    state.reset();
    const ava = state.members().find((m) => m.username === "ava");
    expect(ava?.segments).toEqual([SEGMENT.newYork]);
    expect(ava?.segmentChangedAt.get(SEGMENT.newYork)).toBeGreaterThan(when);
  });
});
