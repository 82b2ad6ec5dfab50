import { describe, expect, it } from "vitest";
import { toMemberActivities, type UserActivityInput } from "./member-activity.ts";
import { gold, silver, testProgram } from "./program-fixture.ts";

const now = new Date("2026-03-10T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const program = testProgram({ campaignStacking: "additive" });

function activity(
  id: string,
  fields: Partial<UserActivityInput<"your_site">> = {},
): UserActivityInput<"your_site"> {
  return {
    id,
    title: `Activity ${id}`,
    description: "",
    numPoints: 100,
    image: "https://cdn.example/a.png",
    categoryId: "3",
    type: "your_site",
    typeId: "7",
    dateStart: inDays(-30),
    dateEnd: null,
    minTierId: null,
    isHiddenByTier: false,
    isLockedByTier: false,
    campaigns: [],
    ...fields,
  };
}

const ids = (list: UserActivityInput[]) =>
  toMemberActivities(list, { program, now }).activities.map((a) => a.id);

describe("toMemberActivities", () => {
  it("shapes one activity for the browser", () => {
    const input = activity("216", {
      dateEnd: inDays(3),
      minTierId: gold.id,
      isLockedByTier: true,
      campaigns: [{ title: "Winter", multiplier: 3, pointGift: 50 }],
    });
    expect(toMemberActivities([input], { program, now })).toEqual({
      hiddenCount: 0,
      activities: [
        {
          id: "216",
          title: "Activity 216",
          description: "",
          image: "https://cdn.example/a.png",
          categoryId: "3",
          typeId: "7",
          type: "your_site",
          visibility: {
            state: "locked",
            unlockTier: { id: gold.id, title: gold.title, minScore: gold.minScore },
          },
          window: {
            start: "2026-02-08T12:00:00.000Z",
            end: "2026-03-13T12:00:00.000Z",
            state: "ending_soon",
            daysLeft: 3,
          },
          points: {
            base: 100,
            effective: 350,
            bonus: 250,
            campaigns: [{ title: "Winter", multiplier: 3, pointGift: 50, points: 350, applied: true }],
            stacking: "additive",
          },
        },
      ],
    });
  });

  it.each([
    ["nothing hidden", [activity("a"), activity("b")], ["a", "b"], 0],
    ["hidden removed", [activity("a", { isHiddenByTier: true }), activity("b")], ["b"], 1],
    ["hidden and locked removed", [activity("a", { isHiddenByTier: true, isLockedByTier: true })], [], 1],
    [
      "everything hidden",
      [activity("a", { isHiddenByTier: true }), activity("b", { isHiddenByTier: true })],
      [],
      2,
    ],
    ["empty list", [], [], 0],
  ])("%s", (_name, list, expectedIds, hiddenCount) => {
    const result = toMemberActivities(list, { program, now });
    expect(result.activities.map((a) => a.id)).toEqual(expectedIds);
    expect(result.hiddenCount).toBe(hiddenCount);
  });

  it.each([
    ["a locked activity without a min tier", { isLockedByTier: true }, { state: "locked", unlockTier: null }],
    [
      "a locked activity with an unknown tier",
      { isLockedByTier: true, minTierId: "99" },
      { state: "locked", unlockTier: null },
    ],
    ["a min tier the member meets", { minTierId: silver.id }, { state: "available" }],
  ])("visibility: %s", (_name, fields, expected) => {
    expect(toMemberActivities([activity("a", fields)], { program, now }).activities[0]?.visibility).toEqual(
      expected,
    );
  });

  it.each([
    [
      "no dates",
      { dateStart: null, dateEnd: null },
      { start: null, end: null, state: "open", daysLeft: null },
    ],
    [
      "an invalid date reads as unknown",
      { dateStart: new Date("nope"), dateEnd: null },
      { start: null, state: "open" },
    ],
    ["upcoming", { dateStart: inDays(2) }, { state: "upcoming", daysLeft: 2 }],
    ["expired", { dateEnd: inDays(-1) }, { state: "expired", daysLeft: null }],
    ["ending soon uses the program's threshold", { dateEnd: inDays(8) }, { state: "open", daysLeft: 8 }],
  ])("window: %s", (_name, fields, expected) => {
    const [shown] = toMemberActivities([activity("a", fields)], { program, now }).activities;
    expect(shown?.window).toMatchObject(expected);
  });

  it("reads ending soon from the program", () => {
    const lenient = testProgram({ endingSoonDays: 10 });
    const [shown] = toMemberActivities([activity("a", { dateEnd: inDays(8) })], {
      program: lenient,
      now,
    }).activities;
    expect(shown?.window.state).toBe("ending_soon");
  });

  it("stacks campaigns as the program says", () => {
    const campaigns = [
      { title: "x3", multiplier: 3, pointGift: 0 },
      { title: "x2", multiplier: 2, pointGift: 0 },
    ];
    const effective = (stacking: "best_single" | "multiplicative") =>
      toMemberActivities([activity("a", { campaigns })], {
        program: testProgram({ campaignStacking: stacking }),
        now,
      }).activities[0]?.points.effective;
    expect(effective("best_single")).toBe(300);
    expect(effective("multiplicative")).toBe(600);
  });
});

describe("toMemberActivities: default order", () => {
  const locked = { isLockedByTier: true, minTierId: gold.id };
  it.each([
    ["available before locked", [activity("locked", locked), activity("open")], ["open", "locked"]],
    [
      "open, then upcoming, then locked, then expired",
      [
        activity("expired", { dateEnd: inDays(-2) }),
        activity("locked-upcoming", { ...locked, dateStart: inDays(1) }),
        activity("locked", locked),
        activity("upcoming", { dateStart: inDays(5) }),
        activity("open"),
      ],
      ["open", "upcoming", "locked", "locked-upcoming", "expired"],
    ],
    [
      "ending soonest first, no end date last",
      [
        activity("never"),
        activity("month", { dateEnd: inDays(30) }),
        activity("soon", { dateEnd: inDays(2) }),
      ],
      ["soon", "month", "never"],
    ],
    [
      "upcoming: starting soonest first",
      [activity("later", { dateStart: inDays(9) }), activity("sooner", { dateStart: inDays(1) })],
      ["sooner", "later"],
    ],
    [
      "expired: most recently ended first",
      [activity("long-ago", { dateEnd: inDays(-40) }), activity("yesterday", { dateEnd: inDays(-1) })],
      ["yesterday", "long-ago"],
    ],
    [
      "same end: most effective points first",
      [
        activity("plain"),
        activity("rich", { numPoints: 500 }),
        activity("bonus", { campaigns: [{ title: "x9", multiplier: 9, pointGift: 0 }] }),
      ],
      ["bonus", "rich", "plain"],
    ],
    ["full ties keep CrowdTwist's order", [activity("b"), activity("a"), activity("c")], ["b", "a", "c"]],
    [
      // Closed to members in Alida: after what can be worked toward, before what is over.
      "a closed community after locked, before expired; an open or unchecked one where it stands",
      [
        activity("expired", { dateEnd: inDays(-2) }),
        activity("closed-forum", { community: { checked: true, kind: "forum", blocks: ["closed"] } }),
        activity("locked-upcoming", { ...locked, dateStart: inDays(1) }),
        activity("open-survey", {
          community: { checked: true, kind: "survey", blocks: [] },
          dateEnd: inDays(9),
        }),
        activity("unchecked", { community: { checked: false }, dateEnd: inDays(3) }),
      ],
      ["unchecked", "open-survey", "locked-upcoming", "closed-forum", "expired"],
    ],
  ])("%s", (_name, list, expected) => {
    expect(ids(list)).toEqual(expected);
  });
});
