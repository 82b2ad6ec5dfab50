import { describe, expect, it } from "vitest";
import { inSegment, tierVisibility } from "./rules.ts";
import { seedProgram } from "./seed.ts";
import { SEGMENT, TIER } from "./seed-ids.ts";
import { createProgramState, ID_TYPES, type IdType } from "./state.ts";

const activity = (id: number) => {
  const found = seedProgram.activities.find((a) => a.id === id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
};

describe("the demo program", () => {
  it("has three tiers, a member in each (and an inactive one), and at least 20 activities", () => {
    expect(seedProgram.tiers.map((t) => t.title)).toEqual(["Bronze", "Silver", "Gold"]);
    expect(seedProgram.members.map((m) => [m.username, m.tierId])).toEqual([
      ["ava", TIER.bronze],
      ["ben", TIER.silver],
      ["cleo", TIER.gold],
      ["eli", TIER.bronze],
    ]);
    expect(seedProgram.members.filter((m) => m.isActive === false).map((m) => m.username)).toEqual(["eli"]);
    expect(seedProgram.activities.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seedProgram.activities.map((a) => a.id)).size).toBe(seedProgram.activities.length);
  });

  it("covers every category and several types and channels", () => {
    expect(new Set(seedProgram.activities.map((a) => a.categoryId))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(seedProgram.activities.map((a) => a.type)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(seedProgram.activities.map((a) => a.channelId)).size).toBeGreaterThanOrEqual(10);
  });

  it("has campaigns with a multiplier only, a gift only, both, and two at once", () => {
    const campaigns = seedProgram.activities.map((a) => a.campaigns);
    expect(campaigns.some((c) => c.length === 1 && c[0]?.multiplier !== 1 && c[0]?.pointGift === 0)).toBe(
      true,
    );
    expect(
      campaigns.some((c) => c.length === 1 && c[0]?.multiplier === 1 && (c[0]?.pointGift ?? 0) > 0),
    ).toBe(true);
    expect(
      campaigns.some((c) => c.length === 1 && c[0]?.multiplier !== 1 && (c[0]?.pointGift ?? 0) > 0),
    ).toBe(true);
    expect(campaigns.some((c) => c.length === 2)).toBe(true);
  });

  it("sends gift-only campaigns in both encodings: multiplier 1 and multiplier 0, on odd and even ids", () => {
    const giftOnly = seedProgram.activities.flatMap((a) =>
      a.campaigns.filter((c) => c.pointGift > 0).map((c) => ({ id: a.id, multiplier: c.multiplier })),
    );
    expect(giftOnly.some((c) => c.multiplier === 1)).toBe(true);
    const asZero = giftOnly.filter((c) => c.multiplier === 0).map((c) => c.id);
    expect(asZero.some((id) => id % 2 === 0)).toBe(true);
    expect(asZero.some((id) => id % 2 === 1)).toBe(true);
  });
});

describe("tier visibility", () => {
  it.each([
    [
      "ava sees the Silver season ticket locked",
      TIER.bronze,
      105,
      { isLockedByTier: true, isHiddenByTier: false },
    ],
    ["ava does not see the Gold preview", TIER.bronze, 107, { isLockedByTier: false, isHiddenByTier: true }],
    ["ben may buy the season ticket", TIER.silver, 105, { isLockedByTier: false, isHiddenByTier: false }],
    ["ben sees the VIP lounge locked", TIER.silver, 106, { isLockedByTier: true, isHiddenByTier: false }],
    ["ben does not see the Gold scarf", TIER.silver, 124, { isLockedByTier: false, isHiddenByTier: true }],
    ["cleo sees everything open", TIER.gold, 124, { isLockedByTier: false, isHiddenByTier: false }],
  ])("%s", (_name, tierId, activityId, expected) => {
    expect(tierVisibility(seedProgram.tiers, tierId, activity(activityId))).toEqual(expected);
  });

  it.each([
    ["inclusion, member", 113, [SEGMENT.newYork], true],
    ["inclusion, not a member", 113, [], false],
    ["exclusion, member", 115, [SEGMENT.staff], false],
    ["exclusion, not a member", 115, [SEGMENT.newYork], true],
    ["no segment", 101, [], true],
  ])("segment %s", (_name, activityId, segments, expected) => {
    expect(inSegment(activity(activityId), segments)).toBe(expected);
  });
});

describe("program state", () => {
  it.each(Object.keys(ID_TYPES) as IdType[])("finds a member by %s", (idType) => {
    const state = createProgramState(seedProgram);
    const [ava] = state.members();
    if (!ava) throw new Error("no members");
    expect(state.findMember(idType, ID_TYPES[idType](ava))?.username).toBe("ava");
  });

  it("awards the best single campaign and moves the tier when the score passes it", () => {
    let clock = new Date("2026-05-01T10:00:00Z");
    const state = createProgramState(seedProgram, () => clock);
    const first = state.complete("ava", 109); // 200 × 3 + 50
    expect(first).toMatchObject({ ok: true, awarded: 650, tierChanged: true });
    if (!first.ok) throw new Error("refused");
    expect(first.member).toMatchObject({
      timeframeScore: 1000,
      tierId: TIER.silver,
      assignedByEvent: "JUMP",
    });
    const stamp = first.member.dateLastUpdated;
    clock = new Date(clock); // same second: the profile stamp must still move forward
    const second = state.complete("ava", 110); // 250 × 2 beats 250 + 100
    expect(second).toMatchObject({ ok: true, awarded: 500, tierChanged: false });
    if (!second.ok) throw new Error("refused");
    expect(second.member.assignedByEvent).toBe("UPDATE");
    expect(second.member.dateLastUpdated).toBeGreaterThan(stamp);
    // An update never moves the assignment's date (Live Push document: dateAssigned changes on
    // start, jump, maintain, drop and reset).
    expect(second.member.dateAssigned).toEqual(new Date("2026-05-01T10:00:00Z"));
  });

  it("starts the entry tier's members with START and the others with JUMP", () => {
    const state = createProgramState(seedProgram);
    expect(state.members().map((m) => [m.username, m.assignedByEvent])).toEqual([
      ["ava", "START"],
      ["ben", "JUMP"],
      ["cleo", "JUMP"],
      ["eli", "START"],
    ]);
  });

  it.each([
    ["ben keeps Silver with 1,600 of 1,000", "ben", "MAINTAIN", TIER.silver],
    ["cleo keeps Gold with 4,200 of 2,500", "cleo", "MAINTAIN", TIER.gold],
    ["ava's entry tier cannot be lost: her counters reset", "ava", "RESET", TIER.bronze],
  ])("ends a tier period: %s", (_name, username, event, tierId) => {
    const at = new Date("2026-06-01T00:00:00Z");
    const state = createProgramState(seedProgram, () => at);
    const before = state.members().find((m) => m.username === username);
    const timeframe = before?.timeframeScore;
    const result = state.endTierPeriod(username);
    expect(result).toMatchObject({ ok: true, event, member: { tierId, tierScore: 0, dateAssigned: at } });
    // The timeframe score is not the tier score: it carries on (the document's sample).
    expect(result.ok && result.member.timeframeScore).toBe(timeframe);
  });

  it("drops a member whose tier score is below what keeps the tier, and earning never drops", () => {
    let clock = new Date("2026-06-01T00:00:00Z");
    const state = createProgramState(seedProgram, () => clock);
    state.endTierPeriod("cleo"); // Gold kept, tier score 0
    const earned = state.complete("cleo", 101);
    expect(earned).toMatchObject({ ok: true, tierChanged: false, member: { tierId: TIER.gold } });
    clock = new Date("2027-06-01T00:00:00Z");
    const dropped = state.endTierPeriod("cleo");
    expect(dropped).toMatchObject({
      ok: true,
      event: "DROP",
      member: { tierId: TIER.bronze, tierScore: 0, dateReached: clock, dateAssigned: clock },
    });
    expect(state.endTierPeriod("zoe")).toEqual({ ok: false, status: 404, reason: 'no demo member "zoe"' });
  });

  it("a reset rewinds: the seed's tier and its assignment date come back, with a newer stamp", () => {
    let clock = new Date("2026-06-01T00:00:00Z");
    const state = createProgramState(seedProgram, () => clock);
    const seedAssigned = state.members()[0]?.dateAssigned;
    state.complete("ava", 109);
    const stamp = state.members()[0]?.dateLastUpdated ?? 0;
    clock = new Date("2026-06-01T00:00:00Z");
    state.reset();
    expect(state.members()[0]).toMatchObject({
      tierId: TIER.bronze,
      tierScore: 350,
      assignedByEvent: "START",
      dateAssigned: seedAssigned,
    });
    expect(state.members()[0]?.dateLastUpdated).toBeGreaterThan(stamp);
  });

  it.each([
    ["multiplier 0: the gift on top of the points", 123, 30 + 20],
    ["multiplier 0 on an even id", 102, 50 + 25],
    ["multiplier 1: the gift on top of the points", 104, 500 + 100],
  ])("awards a gift-only campaign, %s", (_name, activityId, awarded) => {
    const state = createProgramState(seedProgram, () => new Date("2026-05-01T10:00:00Z"));
    expect(state.complete("ava", activityId)).toMatchObject({ ok: true, awarded });
  });

  it.each([
    ["a tier-locked activity", "ava", 106, 409, "locked by tier"],
    ["a hidden activity", "ava", 107, 409, "hidden by tier"],
    ["an activity outside the member's segment", "ben", 115, 409, "not in the activity's segment"],
    ["an upcoming activity", "cleo", 116, 409, "outside the activity's dates"],
    ["an expired activity", "cleo", 118, 409, "outside the activity's dates"],
    ["an unknown member", "zoe", 101, 404, 'no demo member "zoe"'],
    ["an unknown activity", "ava", 999, 404, "no activity 999"],
  ])("refuses %s", (_name, username, activityId, status, reason) => {
    const state = createProgramState(seedProgram);
    expect(state.complete(username, activityId)).toEqual({ ok: false, status, reason });
  });

  it("enforces a frequency cap and forgets completions on reset", () => {
    const state = createProgramState(seedProgram);
    expect(state.complete("ava", 120).ok).toBe(true);
    expect(state.complete("ava", 120)).toMatchObject({ ok: false, reason: "frequency cap reached" });
    state.reset();
    expect(state.complete("ava", 120).ok).toBe(true);
  });

  it("stamps reset profiles later than anything sent before, so receivers take them", () => {
    const state = createProgramState(seedProgram);
    const done = state.complete("ava", 109);
    if (!done.ok) throw new Error("refused");
    const before = done.member.dateLastUpdated;
    state.reset();
    const ava = state.members().find((m) => m.username === "ava");
    expect(ava?.timeframeScore).toBe(350);
    expect(ava?.dateLastUpdated).toBeGreaterThan(before);
  });
});
