import { describe, expect, it } from "vitest";
import { toMemberActivities, type UserActivityInput } from "./member-activity.ts";
import { testProgram } from "./program-fixture.ts";

const now = new Date("2026-03-10T12:00:00Z");
const base: UserActivityInput = {
  id: "1",
  title: "Scan a receipt",
  description: "",
  numPoints: 100,
  image: "",
  categoryId: null,
  type: null,
  typeId: "7",
  dateStart: null,
  dateEnd: null,
  minTierId: null,
  isHiddenByTier: false,
  isLockedByTier: false,
  campaigns: [],
};
const segment = { name: "New York Members", subscriptionId: "2", eligibility: "inclusion" as const };

describe("toMemberActivities, fields from the extended endpoint", () => {
  it.each([
    ["none given: the shape is unchanged", {}, {}],
    ["no frequency rule", { frequency: null }, { frequency: null }],
    [
      "a frequency rule, described",
      { frequency: { cap: 1, periodId: "2", periodName: "One Calendar Day", requiredAttempts: null } },
      { frequency: { cap: 1, period: "day", requiredAttempts: 1 } },
    ],
    ["points on click", { pointsOnClick: true }, { pointsOnClick: true }],
    ["a segment", { segment }, { segment }],
  ] as const)("%s", (_name, fields, expected) => {
    const [shown] = toMemberActivities([{ ...base, ...fields }], { program: testProgram(), now }).activities;
    const extra = Object.fromEntries(
      Object.entries(shown ?? {}).filter(([key]) => ["frequency", "pointsOnClick", "segment"].includes(key)),
    );
    expect(extra).toEqual(expected);
  });
});
