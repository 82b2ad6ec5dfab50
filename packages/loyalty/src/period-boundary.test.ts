import { describe, expect, it } from "vitest";
import type { FrequencyPeriod } from "./frequency.ts";
import { nextPeriodStart } from "./period-boundary.ts";

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
