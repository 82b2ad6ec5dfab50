import { describe, expect, it } from "vitest";
import { tierMaintenance } from "./tier-maintenance.ts";

const now = new Date("2026-03-10T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe("tierMaintenance", () => {
  it.each<[string, number | null | undefined, Date | null | undefined, object | null]>([
    ["no maintenance rule", null, inDays(10), null],
    ["maintenance not given", undefined, undefined, null],
    ["a NaN need reads as no rule", Number.NaN, inDays(10), null],
    [
      "due in 10 days (at risk)",
      200,
      inDays(10),
      { pointsNeeded: 200, by: inDays(10), daysLeft: 10, atRisk: true },
    ],
    ["due in exactly 14 days (at risk)", 200, inDays(14), { pointsNeeded: 200, daysLeft: 14, atRisk: true }],
    ["due in 15 days", 200, inDays(15), { pointsNeeded: 200, daysLeft: 15, atRisk: false }],
    [
      "due in an hour counts as a day",
      200,
      new Date(now.getTime() + 3_600_000),
      { daysLeft: 1, atRisk: true },
    ],
    ["already maintained", 0, inDays(3), { pointsNeeded: 0, daysLeft: 3, atRisk: false }],
    ["no expiration date", 200, null, { pointsNeeded: 200, by: null, daysLeft: null, atRisk: false }],
    ["an invalid expiration date", 200, new Date("nope"), { by: null, daysLeft: null, atRisk: false }],
    ["expired yesterday", 200, inDays(-1), { pointsNeeded: 200, daysLeft: 0, atRisk: true }],
    ["a negative need clamps to 0", -50, inDays(3), { pointsNeeded: 0, atRisk: false }],
    ["a fractional need rounds up", 12.2, inDays(30), { pointsNeeded: 13, atRisk: false }],
  ])("%s", (_name, scoreNeededToMaintain, expirationDate, expected) => {
    const maintain = tierMaintenance({
      atRiskDays: 14,
      now,
      ...(scoreNeededToMaintain === undefined ? {} : { scoreNeededToMaintain }),
      ...(expirationDate === undefined ? {} : { expirationDate }),
    });
    if (expected === null) expect(maintain).toBeNull();
    else expect(maintain).toMatchObject(expected);
  });
});
