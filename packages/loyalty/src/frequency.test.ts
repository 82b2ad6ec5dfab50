import { describe, expect, it } from "vitest";
import { awardsLeft, completionsLeft, type FrequencyRule, frequencyRule } from "./frequency.ts";

const input = (
  periodId: string,
  periodName: string | null = null,
  cap = 1,
  requiredAttempts: number | null = null,
) => ({
  cap,
  periodId,
  periodName,
  requiredAttempts,
});

describe("frequencyRule", () => {
  it.each([
    ["1", "rolling_24h"],
    ["2", "day"],
    ["3", "rolling_7d"],
    ["4", "week"],
    ["5", "lifetime"],
    ["6", "month"],
    ["7", "year"],
    ["8", "rolling_365d"],
    ["9", "rolling_30d"],
    [" 4 ", "week"],
  ])("period id %j is %s", (periodId, period) => {
    expect(frequencyRule(input(periodId))?.period).toBe(period);
  });

  // The names the document gives each period, as the Control Center writes them.
  it.each([
    ["24 Hours", "rolling_24h"],
    ["One Calendar Day", "day"],
    ["Seven Calendar Days", "rolling_7d"],
    ["One Calendar Week", "week"],
    ["Lifetime", "lifetime"],
    ["One Calendar Month", "month"],
    ["One Calendar Year", "year"],
    ["365 Days", "rolling_365d"],
    ["30 Days", "rolling_30d"],
  ])("with an id it does not know, the name %j is %s", (periodName, period) => {
    expect(frequencyRule(input("42", periodName))?.period).toBe(period);
  });

  it.each([
    ["an unknown id falls back on the name", "42", "One Calendar Month", "month"],
    ["a retired name still reads", "42", "365 Days (Inactive)", "rolling_365d"],
    ["the name compares forgivingly", "42", "  one CALENDAR week ", "week"],
    ["the id wins over a contradicting name", "2", "Lifetime", "day"],
    ["neither id nor name known", "42", "Fortnight", "unknown"],
    ["no name", "42", null, "unknown"],
    ["an id that is an Object property", "constructor", "toString", "unknown"],
  ])("%s", (_name, periodId, periodName, period) => {
    expect(frequencyRule(input(periodId, periodName))?.period).toBe(period);
  });

  it.each([
    ["no rule", null, null],
    ["one a day", input("2", "One Calendar Day"), { cap: 1, period: "day", requiredAttempts: 1 }],
    ["five a week", input("4", null, 5), { cap: 5, period: "week", requiredAttempts: 1 }],
    ["every 2 completions", input("5", null, 1, 2), { cap: 1, period: "lifetime", requiredAttempts: 2 }],
    ["required attempts 0 means 1", input("2", null, 1, 0), { cap: 1, period: "day", requiredAttempts: 1 }],
    ["a fractional cap rounds down", input("2", null, 2.7), { cap: 2, period: "day", requiredAttempts: 1 }],
    ["a negative cap allows nothing", input("2", null, -3), { cap: 0, period: "day", requiredAttempts: 1 }],
    [
      "a NaN cap allows nothing",
      input("2", null, Number.NaN),
      { cap: 0, period: "day", requiredAttempts: 1 },
    ],
  ] as const)("%s", (_name, raw, expected) => {
    expect(frequencyRule(raw)).toEqual(expected);
  });
});

describe("awardsLeft and completionsLeft", () => {
  const rule = (cap: number, requiredAttempts = 1): FrequencyRule => ({
    cap,
    period: "day",
    requiredAttempts,
  });

  it.each([
    ["none done", rule(3), 0, 3, 3],
    ["some done", rule(3), 2, 1, 1],
    ["at the cap", rule(3), 3, 0, 0],
    ["past the cap (late data)", rule(3), 5, 0, 0],
    ["halfway to an award", rule(1, 2), 1, 1, 1],
    ["one award earned of two", rule(2, 2), 2, 1, 2],
    ["every award earned", rule(2, 2), 4, 0, 0],
    ["a negative count reads as none", rule(2), -1, 2, 2],
    ["a NaN count reads as none", rule(2), Number.NaN, 2, 2],
    ["a cap of zero", rule(0), 0, 0, 0],
  ])("%s", (_name, frequency, completions, awards, completionsToGo) => {
    expect(awardsLeft(frequency, completions)).toBe(awards);
    expect(completionsLeft(frequency, completions)).toBe(completionsToGo);
  });
});
