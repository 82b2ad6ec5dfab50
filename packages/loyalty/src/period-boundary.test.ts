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

  it("gives up on an invalid now", () => {
    expect(nextPeriodStart("day", new Date("nope"))).toBeNull();
  });
});
