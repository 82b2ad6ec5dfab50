import { describe, expect, it } from "vitest";
import { memberFacing, toMemberActivities, type UserActivityInput } from "./member-activity.ts";
import { testProgram } from "./program-fixture.ts";

// Members read CrowdTwist's `public_title`/`public_description` ("the member-facing title"), never
// Control Center's internal `title`/`description` unless the public wording is missing.

const now = new Date("2026-03-10T12:00:00Z");

function listed(fields: Partial<UserActivityInput> = {}): UserActivityInput {
  return {
    id: "111",
    title: "FY26 Q4 – Survey push (internal)",
    description: "Alida survey, research panel; award on completion.",
    numPoints: 150,
    image: "https://cdn.example/a.png",
    categoryId: "3",
    type: "your_site",
    typeId: "7",
    dateStart: null,
    dateEnd: null,
    minTierId: null,
    isHiddenByTier: false,
    isLockedByTier: false,
    campaigns: [],
    ...fields,
  };
}

const shown = (fields: Partial<UserActivityInput>) => {
  const [activity] = toMemberActivities([listed(fields)], { program: testProgram(), now }).activities;
  return activity && { title: activity.title, description: activity.description };
};

describe("member-facing words", () => {
  it.each([
    [
      "both public fields",
      { publicTitle: "Tell us what you think", publicDescription: "Ten minutes." },
      { title: "Tell us what you think", description: "Ten minutes." },
    ],
    [
      "an empty public title",
      { publicTitle: "", publicDescription: "Ten minutes." },
      { title: "FY26 Q4 – Survey push (internal)", description: "Ten minutes." },
    ],
    [
      "a blank public description",
      { publicTitle: "Tell us", publicDescription: " \n\t" },
      { title: "Tell us", description: "Alida survey, research panel; award on completion." },
    ],
    [
      "nulls",
      { publicTitle: null, publicDescription: null },
      {
        title: "FY26 Q4 – Survey push (internal)",
        description: "Alida survey, research panel; award on completion.",
      },
    ],
    [
      "no extended description at all",
      {},
      {
        title: "FY26 Q4 – Survey push (internal)",
        description: "Alida survey, research panel; award on completion.",
      },
    ],
  ] as const)("%s", (_name, fields, expected) => {
    expect(shown(fields)).toEqual(expected);
  });

  it("keeps the public wording as written (no trimming, no markup handling)", () => {
    expect(memberFacing("  <b>Win</b> big  ", "internal")).toBe("  <b>Win</b> big  ");
  });

  it("carries neither the internal title nor the public fields on the member's activity", () => {
    const [activity] = toMemberActivities(
      [listed({ publicTitle: "Tell us what you think", publicDescription: "Ten minutes." })],
      { program: testProgram(), now },
    ).activities;
    const serialised = JSON.stringify(activity);
    expect(serialised).not.toContain("internal");
    expect(serialised).not.toContain("award on completion");
    expect(activity).not.toHaveProperty("publicTitle");
    expect(activity).not.toHaveProperty("publicDescription");
  });
});
