import { describe, expect, it } from "vitest";
import type { FrequencyPeriod } from "./frequency.ts";
import {
  countingWindow,
  countingWindows,
  isKnownTimeZone,
  nextPeriodStart,
  rollingSlotOpens,
} from "./period-boundary.ts";

describe("nextPeriodStart", () => {
  it.each([
    ["day, midday", "day", "2026-03-10T12:00:00Z", "2026-03-11T00:00:00.000Z"],
    ["day, at midnight it is the next one", "day", "2026-03-10T00:00:00Z", "2026-03-11T00:00:00.000Z"],
    ["day, last second of the year", "day", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00.000Z"],
    [
      "day, UTC even when the offset says otherwise",
      "day",
      "2026-03-10T23:30:00-05:00",
      "2026-03-12T00:00:00.000Z",
    ],
    ["week, from a Tuesday", "week", "2026-03-10T12:00:00Z", "2026-03-16T00:00:00.000Z"],
    ["week, from a Sunday night", "week", "2026-03-15T23:59:00Z", "2026-03-16T00:00:00.000Z"],
    ["week, from Monday midnight", "week", "2026-03-16T00:00:00Z", "2026-03-23T00:00:00.000Z"],
    ["week, across a month", "week", "2026-03-31T08:00:00Z", "2026-04-06T00:00:00.000Z"],
    ["month", "month", "2026-03-10T12:00:00Z", "2026-04-01T00:00:00.000Z"],
    ["month, December", "month", "2026-12-31T12:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["month, from a leap day", "month", "2028-02-29T12:00:00Z", "2028-03-01T00:00:00.000Z"],
    ["year", "year", "2026-03-10T12:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["year, on New Year's midnight", "year", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00.000Z"],
  ] as const)("%s", (_name, period, now, expected) => {
    expect(nextPeriodStart(period, new Date(now))?.toISOString()).toBe(expected);
  });

  it.each<FrequencyPeriod>([
    "lifetime",
    "rolling_24h",
    "rolling_7d",
    "rolling_30d",
    "rolling_365d",
    "unknown",
  ])("%s has no calendar boundary", (period) => {
    expect(nextPeriodStart(period, new Date("2026-03-10T12:00:00Z"))).toBeNull();
  });

  it("gives up on an invalid now or an unknown zone", () => {
    expect(nextPeriodStart("day", new Date("nope"))).toBeNull();
    expect(nextPeriodStart("day", new Date("2026-03-10T12:00:00Z"), "Mars/Olympus_Mons")).toBeNull();
  });

  it("moves with now, whichever way the clock is asked", () => {
    const next = (now: string) => nextPeriodStart("week", new Date(now), "Europe/Paris")?.toISOString();
    expect(next("2026-03-10T12:00:00Z")).toBe("2026-03-15T23:00:00.000Z");
    expect(next("2026-03-17T12:00:00Z")).toBe("2026-03-22T23:00:00.000Z");
    expect(next("2026-03-03T12:00:00Z")).toBe("2026-03-08T23:00:00.000Z");
    // At the boundary itself, the period that starts there is the current one.
    expect(next("2026-03-08T23:00:00Z")).toBe("2026-03-15T23:00:00.000Z");
  });
});

describe("isKnownTimeZone", () => {
  it.each([
    ["UTC", true],
    ["Europe/Berlin", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("%j: %s, asked once or twice", (zone, known) => {
    expect(isKnownTimeZone(zone)).toBe(known);
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});

describe("nextPeriodStart in the program's time zone", () => {
  it.each([
    // 23:30 in New York is already the 11th in UTC; the program's day still ends at New York midnight.
    [
      "day, New York evening",
      "day",
      "America/New_York",
      "2026-03-10T23:30:00-04:00",
      "2026-03-11T04:00:00.000Z",
    ],
    // Clocks go forward on 8 March 2026 in New York: the day before has 23 hours.
    [
      "day, across a clock change",
      "day",
      "America/New_York",
      "2026-03-07T12:00:00-05:00",
      "2026-03-08T05:00:00.000Z",
    ],
    [
      "day, after the clock change",
      "day",
      "America/New_York",
      "2026-03-08T12:00:00-04:00",
      "2026-03-09T04:00:00.000Z",
    ],
    ["day, half-hour zone", "day", "Asia/Kolkata", "2026-03-10T20:00:00Z", "2026-03-11T18:30:00.000Z"],
    // Monday 00:10 in Auckland is still Sunday in UTC: the program's week has already restarted.
    [
      "week, ahead of UTC",
      "week",
      "Pacific/Auckland",
      "2026-03-16T00:10:00+13:00",
      "2026-03-22T11:00:00.000Z",
    ],
    ["month, New York", "month", "America/New_York", "2026-03-31T22:00:00-04:00", "2026-04-01T04:00:00.000Z"],
    ["year, Tokyo", "year", "Asia/Tokyo", "2026-12-31T23:59:00+09:00", "2026-12-31T15:00:00.000Z"],
    // Santiago's clocks jump from 24:00 to 01:00 on 6 September 2026: that day starts at the jump.
    [
      "day, midnight that does not exist",
      "day",
      "America/Santiago",
      "2026-09-05T12:00:00-04:00",
      "2026-09-06T04:00:00.000Z",
    ],
  ] as const)("%s", (_name, period, zone, now, expected) => {
    expect(nextPeriodStart(period, new Date(now), zone)?.toISOString()).toBe(expected);
  });
});

describe("countingWindow", () => {
  const start = (period: FrequencyPeriod, now: string, zone?: string) => {
    const window = countingWindow(period, new Date(now), zone);
    return window.kind === "since" ? window.start.toISOString() : window.kind;
  };

  it.each([
    ["day, midday", "day", "2026-03-10T12:00:00Z", "UTC", "2026-03-10T00:00:00.000Z"],
    ["day, at midnight it is the new day", "day", "2026-03-10T00:00:00Z", "UTC", "2026-03-10T00:00:00.000Z"],
    ["day, a second before midnight", "day", "2026-03-10T23:59:59Z", "UTC", "2026-03-10T00:00:00.000Z"],
    ["week, from a Tuesday", "week", "2026-03-10T12:00:00Z", "UTC", "2026-03-09T00:00:00.000Z"],
    ["week, on Sunday night", "week", "2026-03-15T23:59:00Z", "UTC", "2026-03-09T00:00:00.000Z"],
    ["week, Monday midnight starts it", "week", "2026-03-16T00:00:00Z", "UTC", "2026-03-16T00:00:00.000Z"],
    ["week, back across a month", "week", "2026-04-01T08:00:00Z", "UTC", "2026-03-30T00:00:00.000Z"],
    ["week, back across a year", "week", "2027-01-02T08:00:00Z", "UTC", "2026-12-28T00:00:00.000Z"],
    ["month", "month", "2026-03-10T12:00:00Z", "UTC", "2026-03-01T00:00:00.000Z"],
    ["month, on a leap day", "month", "2028-02-29T12:00:00Z", "UTC", "2028-02-01T00:00:00.000Z"],
    ["year", "year", "2026-03-10T12:00:00Z", "UTC", "2026-01-01T00:00:00.000Z"],
    ["rolling 24 hours", "rolling_24h", "2026-03-10T12:00:00Z", "UTC", "2026-03-09T12:00:00.000Z"],
    ["rolling 7 days", "rolling_7d", "2026-03-10T12:00:00Z", "UTC", "2026-03-03T12:00:00.000Z"],
    ["rolling 30 days", "rolling_30d", "2026-03-10T12:00:00Z", "UTC", "2026-02-08T12:00:00.000Z"],
    ["rolling 365 days", "rolling_365d", "2026-03-10T12:00:00Z", "UTC", "2025-03-10T12:00:00.000Z"],
    // Rolling windows are lengths of time: the zone does not move them.
    [
      "rolling 24 hours in New York",
      "rolling_24h",
      "2026-03-10T12:00:00Z",
      "America/New_York",
      "2026-03-09T12:00:00.000Z",
    ],
    // 23:30 in New York is already the 11th in UTC; the program's day started at New York midnight.
    [
      "day, New York evening",
      "day",
      "2026-03-10T23:30:00-04:00",
      "America/New_York",
      "2026-03-10T04:00:00.000Z",
    ],
    // Clocks went forward at 02:00 on 8 March 2026 in New York: that day still starts at midnight EST.
    [
      "day, the day clocks change",
      "day",
      "2026-03-08T12:00:00-04:00",
      "America/New_York",
      "2026-03-08T05:00:00.000Z",
    ],
    // Clocks go back at 03:00 on 25 October 2026 in Berlin: the day began at midnight summer time.
    [
      "day, the day clocks go back",
      "day",
      "2026-10-25T10:00:00Z",
      "Europe/Berlin",
      "2026-10-24T22:00:00.000Z",
    ],
    ["day, half-hour zone", "day", "2026-03-10T20:00:00Z", "Asia/Kolkata", "2026-03-10T18:30:00.000Z"],
    // Monday 00:10 in Auckland is still Sunday in UTC: the program's week has already restarted.
    [
      "week, ahead of UTC",
      "week",
      "2026-03-16T00:10:00+13:00",
      "Pacific/Auckland",
      "2026-03-15T11:00:00.000Z",
    ],
    [
      "month, New York, last evening of the month",
      "month",
      "2026-03-31T22:00:00-04:00",
      "America/New_York",
      "2026-03-01T05:00:00.000Z",
    ],
    [
      "year, Tokyo on New Year's morning",
      "year",
      "2026-12-31T16:00:00Z",
      "Asia/Tokyo",
      "2026-12-31T15:00:00.000Z",
    ],
  ] as const)("%s", (_name, period, now, zone, expected) => {
    expect(start(period, now, zone)).toBe(expected);
  });

  it("counts in UTC when no zone is given", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const utcMidnight = { kind: "since", start: new Date("2026-03-10T00:00:00Z") };
    expect(countingWindow("day", now)).toEqual(utcMidnight);
    expect(countingWindows(["day", "lifetime", "unknown"], now)).toEqual([
      utcMidnight,
      { kind: "lifetime" },
      { kind: "unknown" },
    ]);
  });

  it.each([
    ["lifetime counts everything", "lifetime", "2026-03-10T12:00:00Z", "UTC", "lifetime"],
    ["lifetime even on a bad clock", "lifetime", "nope", "UTC", "lifetime"],
    ["an unknown period cannot be placed", "unknown", "2026-03-10T12:00:00Z", "UTC", "unknown"],
    ["an invalid now", "day", "nope", "UTC", "unknown"],
    ["an unknown zone", "week", "2026-03-10T12:00:00Z", "Mars/Olympus_Mons", "unknown"],
  ] as const)("%s", (_name, period, now, zone, expected) => {
    expect(start(period, now, zone)).toBe(expected);
  });

  it.each<[FrequencyPeriod, string]>([
    ["day", "America/New_York"],
    ["week", "Europe/London"],
    ["month", "Australia/Lord_Howe"],
    ["year", "Pacific/Chatham"],
  ])("a %s window in %s ends where nextPeriodStart says the next begins", (period, zone) => {
    const now = new Date("2026-10-25T09:17:00Z");
    const window = countingWindow(period, now, zone);
    const next = nextPeriodStart(period, now, zone);
    if (window.kind !== "since" || !next) throw new Error("expected a calendar window");
    expect(window.start.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(next.getTime()).toBeGreaterThan(now.getTime());
    // The window just before the boundary starts where this one does; at the boundary, it starts there.
    expect(countingWindow(period, new Date(next.getTime() - 1), zone)).toEqual(window);
    expect(countingWindow(period, next, zone)).toEqual({ kind: "since", start: next });
  });
});

describe("rollingSlotOpens", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  it.each([
    ["rolling_24h", hoursAgo(1), "2026-03-11T11:00:00.000Z"],
    ["rolling_7d", hoursAgo(24), "2026-03-16T12:00:00.000Z"],
    ["rolling_30d", hoursAgo(24), "2026-04-08T12:00:00.000Z"],
    ["rolling_365d", hoursAgo(24), "2027-03-09T12:00:00.000Z"],
    // Its window has passed it already: the count was read before; nothing sure to say.
    ["rolling_24h", hoursAgo(24), null],
    ["rolling_24h", hoursAgo(30), null],
    // Not a rolling window: its boundary is the calendar's (nextPeriodStart).
    ["day", hoursAgo(1), null],
    ["week", hoursAgo(1), null],
    ["lifetime", hoursAgo(1), null],
    ["unknown", hoursAgo(1), null],
    ["rolling_7d", null, null],
    ["rolling_7d", new Date(Number.NaN), null],
  ] as const)("%s, freed by %s: %s", (period, freedBy, expected) => {
    expect(rollingSlotOpens(period, freedBy, now)).toEqual(expected && new Date(expected));
  });
});
