import { describe, expect, it } from "vitest";
import type { MemberCommunity } from "./community.ts";
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
const closedForum: MemberCommunity = { checked: true, kind: "forum", blocks: ["closed"] };

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
    [
      "a community Alida could not be asked about",
      { community: { checked: false } },
      { community: { checked: false } },
    ],
    ["a closed community", { community: closedForum }, { community: closedForum }],
  ] as const)("%s", (_name, fields, expected) => {
    const [shown] = toMemberActivities([{ ...base, ...fields }], { program: testProgram(), now }).activities;
    const extra = Object.fromEntries(
      Object.entries(shown ?? {}).filter(([key]) =>
        ["frequency", "pointsOnClick", "segment", "community"].includes(key),
      ),
    );
    // Strictly: a field the input lacks is absent, not present as `undefined`.
    expect(extra).toStrictEqual(expected);
  });
});
