import { describe, expect, it } from "vitest";
import type { FrequencyRule } from "./frequency.ts";
import type { MemberActivityVisibility } from "./member-activity.ts";
import { silver } from "./program-fixture.ts";
import type { NamedSegmentRule } from "./segment.ts";
import { type WhyUnavailableInput, whyUnavailable } from "./why-unavailable.ts";

const now = new Date("2026-03-10T12:00:00Z"); // a Tuesday
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const unlockSilver = { id: silver.id, title: silver.title, minScore: silver.minScore };
const locked: MemberActivityVisibility = { state: "locked", unlockTier: unlockSilver };
const available: MemberActivityVisibility = { state: "available" };
const newYork: NamedSegmentRule = { name: "New York Members", subscriptionId: "2", eligibility: "inclusion" };
const daily: FrequencyRule = { cap: 1, period: "day", requiredAttempts: 1 };
const open = { start: inDays(-30), end: null };

const why = (fields: Partial<WhyUnavailableInput>) =>
  whyUnavailable({ visibility: available, window: open, now, ...fields });
const kinds = (fields: Partial<WhyUnavailableInput>) => why(fields).map((reason) => reason.kind);

describe("whyUnavailable, one reason at a time", () => {
  it.each([
    ["available, open, nothing capped", {}, []],
    ["available, ending soon", { window: { start: null, end: inDays(2) } }, []],
    ["segment unknown is not a reason", { segment: { rule: newYork, eligibility: "unknown" as const } }, []],
    ["segment eligible", { segment: { rule: newYork, eligibility: "eligible" as const } }, []],
    ["cap without completions is not a reason", { frequency: daily }, []],
    ["cap not reached", { frequency: daily, completionsInPeriod: 0 }, []],
    [
      "tier, with the score",
      { visibility: locked, score: 350 },
      [{ kind: "tier", unlockTier: unlockSilver, pointsToGo: 650, action: "earn_points" }],
    ],
    [
      "tier, without a score",
      { visibility: locked },
      [{ kind: "tier", unlockTier: unlockSilver, pointsToGo: null, action: "earn_points" }],
    ],
    [
      "tier, score already past the threshold",
      { visibility: locked, score: 1200 },
      [{ kind: "tier", unlockTier: unlockSilver, pointsToGo: 0, action: "earn_points" }],
    ],
    [
      "tier the config does not list",
      { visibility: { state: "locked", unlockTier: null } as const, score: 10 },
      [{ kind: "tier", unlockTier: null, pointsToGo: null, action: "earn_points" }],
    ],
    [
      "segment, inclusion",
      { segment: { rule: newYork, eligibility: "not_eligible" as const } },
      [{ kind: "segment", eligibility: "inclusion", segmentName: "New York Members", action: "none" }],
    ],
    [
      "segment, exclusion",
      {
        segment: {
          rule: { ...newYork, eligibility: "exclusion" as const },
          eligibility: "not_eligible" as const,
        },
      },
      [{ kind: "segment", eligibility: "exclusion", segmentName: "New York Members", action: "none" }],
    ],
    [
      "not started",
      { window: { start: "2026-03-13T00:00:00.000Z", end: null } },
      [{ kind: "not_started", startsAt: new Date("2026-03-13T00:00:00Z"), daysUntil: 3, action: "wait" }],
    ],
    [
      "ended",
      { window: { start: null, end: inDays(-1) } },
      [{ kind: "ended", endedAt: inDays(-1), action: "none" }],
    ],
    [
      "daily cap",
      { frequency: daily, completionsInPeriod: 1 },
      [{ kind: "frequency_cap", rule: daily, resetsAt: new Date("2026-03-11T00:00:00Z"), action: "wait" }],
    ],
  ] as const)("%s", (_name, fields, expected) => {
    expect(why(fields)).toEqual(expected);
  });
});

describe("whyUnavailable, frequency caps", () => {
  const rule = (period: FrequencyRule["period"], cap = 1, requiredAttempts = 1): FrequencyRule => ({
    cap,
    period,
    requiredAttempts,
  });
  it.each([
    ["calendar week resets on Monday", rule("week", 3), 3, "2026-03-16T00:00:00.000Z", "wait"],
    ["calendar month", rule("month"), 1, "2026-04-01T00:00:00.000Z", "wait"],
    ["calendar year", rule("year"), 1, "2027-01-01T00:00:00.000Z", "wait"],
    ["rolling window: resets, time unknown", rule("rolling_24h"), 1, null, "wait"],
    ["lifetime never resets", rule("lifetime"), 1, null, "none"],
    ["unknown period may never reset", rule("unknown"), 1, null, "none"],
    [
      "required attempts: capped after cap × attempts",
      rule("day", 1, 2),
      2,
      "2026-03-11T00:00:00.000Z",
      "wait",
    ],
    ["a cap of zero is always reached", rule("day", 0), 0, "2026-03-11T00:00:00.000Z", "wait"],
  ] as const)("%s", (_name, frequency, completionsInPeriod, resetsAt, action) => {
    const [reason] = why({ frequency, completionsInPeriod });
    expect(reason).toEqual({
      kind: "frequency_cap",
      rule: frequency,
      resetsAt: resetsAt && new Date(resetsAt),
      action,
    });
  });

  it.each([
    [
      "24 hours: a day after the completion that frees a slot",
      rule("rolling_24h"),
      1,
      -0.25,
      "2026-03-11T06:00:00.000Z",
    ],
    ["7 days, 3 a week", rule("rolling_7d", 3), 3, -2, "2026-03-15T12:00:00.000Z"],
    ["30 days, capped after cap × attempts", rule("rolling_30d", 1, 2), 2, -10, "2026-03-30T12:00:00.000Z"],
    ["365 days", rule("rolling_365d"), 1, -300, "2026-05-14T12:00:00.000Z"],
  ] as const)("rolling window, %s", (_name, frequency, completionsInPeriod, freedDaysAgo, resetsAt) => {
    const [reason] = why({ frequency, completionsInPeriod, slotFreedBy: inDays(freedDaysAgo) });
    expect(reason).toEqual({
      kind: "frequency_cap",
      rule: frequency,
      resetsAt: new Date(resetsAt),
      action: "wait",
    });
  });

  it.each([
    ["no time for it", null],
    ["a time that is no date", new Date(Number.NaN)],
    ["a completion already out of the window (a count read earlier)", inDays(-8)],
  ])("a rolling cap with %s still says wait, but no time", (_name, slotFreedBy) => {
    const [reason] = why({ frequency: rule("rolling_7d"), completionsInPeriod: 1, slotFreedBy });
    expect(reason).toMatchObject({ kind: "frequency_cap", resetsAt: null, action: "wait" });
  });

  it("a calendar period's boundary is not moved by a completion's time", () => {
    const [reason] = why({ frequency: daily, completionsInPeriod: 1, slotFreedBy: inDays(-0.1) });
    expect(reason).toMatchObject({ resetsAt: new Date("2026-03-11T00:00:00Z") });
  });

  it("does not say wait when the activity closes before a rolling slot frees up", () => {
    const [reason] = why({
      frequency: rule("rolling_7d"),
      completionsInPeriod: 1,
      slotFreedBy: inDays(-1),
      window: { start: null, end: inDays(2) },
    });
    expect(reason).toMatchObject({ kind: "frequency_cap", resetsAt: inDays(6), action: "none" });
  });

  it("does not say wait when the activity closes before the cap resets", () => {
    const [reason] = why({
      frequency: daily,
      completionsInPeriod: 1,
      window: { start: null, end: inDays(0.25) },
    });
    expect(reason).toMatchObject({ kind: "frequency_cap", action: "none" });
  });

  it("does not say wait when the activity closes the instant the cap resets", () => {
    const [reason] = why({
      frequency: daily,
      completionsInPeriod: 1,
      window: { start: null, end: new Date("2026-03-11T00:00:00Z") },
    });
    expect(reason).toMatchObject({ kind: "frequency_cap", action: "none" });
  });

  it("says wait when the activity closes after the cap resets", () => {
    const [reason] = why({
      frequency: daily,
      completionsInPeriod: 1,
      window: { start: null, end: inDays(3) },
    });
    expect(reason).toMatchObject({ kind: "frequency_cap", action: "wait" });
  });

  it.each([
    ["no rule, whatever the count", null, 5],
    ["a count that cannot be one (not a number)", daily, Number.NaN],
    ["a count that cannot be one (infinite)", daily, Number.POSITIVE_INFINITY],
    ["no count", daily, null],
  ] as const)("claims no cap on %s", (_name, frequency, completionsInPeriod) => {
    expect(kinds({ frequency, completionsInPeriod })).toEqual([]);
  });
});

describe("whyUnavailable, several reasons", () => {
  const excluded = { rule: newYork, eligibility: "not_eligible" as const };
  it.each([
    [
      "every reason, in priority order",
      {
        visibility: locked,
        segment: excluded,
        window: { start: inDays(2), end: null },
        frequency: daily,
        completionsInPeriod: 1,
      },
      ["tier", "segment", "not_started", "frequency_cap"],
      ["none", "none", "none", "none"],
    ],
    [
      "tier and not started: both still worth acting on",
      { visibility: locked, window: { start: inDays(2), end: null } },
      ["tier", "not_started"],
      ["earn_points", "wait"],
    ],
    [
      "ended: no point earning for it or waiting for its cap",
      {
        visibility: locked,
        window: { start: null, end: inDays(-1) },
        frequency: daily,
        completionsInPeriod: 1,
      },
      ["tier", "ended", "frequency_cap"],
      ["none", "none", "none"],
    ],
    [
      "tier and cap",
      { visibility: locked, frequency: daily, completionsInPeriod: 1 },
      ["tier", "frequency_cap"],
      ["earn_points", "wait"],
    ],
  ] as const)("%s", (_name, fields, expectedKinds, actions) => {
    expect(kinds(fields)).toEqual(expectedKinds);
    expect(why(fields).map((reason) => reason.action)).toEqual(actions);
  });

  it("carries no words, only identifiers, numbers, dates and the upstream's own names", () => {
    const reasons = why({
      visibility: locked,
      segment: excluded,
      window: { start: inDays(2), end: null },
      frequency: daily,
      completionsInPeriod: 1,
      score: 10,
    });
    const strings: string[] = [];
    JSON.stringify(reasons, (_key, value) => {
      if (typeof value === "string") strings.push(value);
      return value;
    });
    const upstream = [silver.id, silver.title, newYork.name];
    for (const text of strings) {
      const isDate = !Number.isNaN(Date.parse(text)) && text.endsWith("Z");
      expect(isDate || upstream.includes(text) || /^[a-z0-9_]+$/.test(text)).toBe(true);
    }
  });
});

describe("whyUnavailable and the linked Alida activity", () => {
  const forum = (blocks: ("closed" | "hidden" | "not_ready")[]) =>
    ({ checked: true, kind: "forum", blocks }) as const;

  it.each([
    ["open forum", forum([]), []],
    [
      "closed forum",
      forum(["closed"]),
      [{ kind: "community", block: "closed", community: "forum", action: "none" }],
    ],
    [
      // The seed's fan forum: closed and hidden; the member is told the first, most telling one.
      "closed and hidden",
      forum(["closed", "hidden"]),
      [{ kind: "community", block: "closed", community: "forum", action: "none" }],
    ],
    [
      "not ready",
      forum(["not_ready"]),
      [{ kind: "community", block: "not_ready", community: "forum", action: "none" }],
    ],
    // Alida could not be asked: CrowdTwist's word stands, and nothing false is said.
    ["not checked", { checked: false } as const, []],
  ] as const)("%s", (_name, community, expected) => {
    expect(why({ community })).toEqual(expected);
  });

  it("earning points toward a tier is no hint while the forum is closed", () => {
    expect(why({ visibility: locked, score: 350, community: forum(["hidden"]) })).toEqual([
      { kind: "tier", unlockTier: unlockSilver, pointsToGo: 650, action: "none" },
      { kind: "community", block: "hidden", community: "forum", action: "none" },
    ]);
  });
});

describe("whyUnavailable and the program's time zone", () => {
  it("a daily cap resets at the program's midnight, not UTC's", () => {
    // 12:00 UTC on the 10th is 08:00 in New York: the cap resets at New York midnight.
    const [reason] = why({ frequency: daily, completionsInPeriod: 1, timeZone: "America/New_York" });
    expect(reason).toMatchObject({ kind: "frequency_cap", resetsAt: new Date("2026-03-11T04:00:00Z") });
    const [utc] = why({ frequency: daily, completionsInPeriod: 1 });
    expect(utc).toMatchObject({ kind: "frequency_cap", resetsAt: new Date("2026-03-11T00:00:00Z") });
  });
});
