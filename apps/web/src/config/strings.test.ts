import { describe, expect, test } from "vitest";
import { plural, strings } from "./strings.ts";

describe("plural forms", () => {
  test.each([
    [0, "0 pts"],
    [1, "1 pt"],
    [2, "2 pts"],
    [1000, "1,000 pts"],
  ])("%i points read %s", (count, text) => expect(strings.pts(count)).toBe(text));

  test.each([
    [1, "1 minute"],
    [5, "5 minutes"],
  ])("%i minutes read %s", (count, text) => expect(strings.minutes(count)).toBe(text));

  test("# is the locale-formatted count", () =>
    expect(plural(12345, { one: "# thing", other: "# things" })).toBe("12,345 things"));
});

describe("tier text", () => {
  test("progress to the next tier", () =>
    expect(strings.tier.toNext(1000, "Silver")).toBe("1,000 pts to Silver"));
  test("one point to go is singular", () => expect(strings.tier.toNext(1, "Gold")).toBe("1 pt to Gold"));
  test("what keeps the tier", () =>
    expect(strings.tier.keep(120, "Bronze", "2026-12-31T12:00:00.000Z")).toBe(
      "Earn 120 pts by December 31 to keep Bronze.",
    ));
  test("nothing left to keep the tier", () =>
    expect(strings.tier.keep(0, "Gold", null)).toBe("You've done enough to keep Gold."));
  test("nothing left to keep the tier, with the date it is kept until", () =>
    expect(strings.tier.keep(0, "Silver", "2027-08-03T12:00:00.000Z")).toBe(
      "You've earned enough to keep Silver: it's yours until at least August 3, 2027.",
    ));
  test("tier points against the next threshold, and the ladder", () => {
    expect(strings.tier.tierScore(1600, 2500)).toBe("1,600 of 2,500 tier pts");
    expect(strings.tier.ladderFrom(1000)).toBe("From 1,000 tier pts");
    expect(strings.tier.ladderFrom(0)).toBe("Where everyone starts");
  });
  test.each([
    ["JUMP", "You reached Gold on March 3"],
    ["DROP", "You moved down to Gold on March 3"],
    ["MAINTAIN", "You kept Gold on March 3"],
    ["RESET", "Your Gold tier points started again from 0 on March 3"],
    ["START", "You started at Gold on March 3"],
    [null, "You've held Gold since March 3"],
  ] as const)("%s in words", (event, text) => {
    const thisYear = new Date().getFullYear();
    expect(strings.tier.event(event, "Gold", `${thisYear}-03-03T12:00:00.000Z`)).toBe(text);
  });
  test("another year's date carries its year", () =>
    expect(strings.tier.event("JUMP", "Gold", "2019-03-03T12:00:00.000Z")).toBe(
      "You reached Gold on March 3, 2019",
    ));
  test.each([
    [0, "Last day"],
    [1, "1 day left"],
    [3, "3 days left"],
  ])("%i days left", (days, text) => expect(strings.tier.daysLeft(days)).toBe(text));
});

describe("freshness", () => {
  test.each([
    [10, "Updated just now"],
    [120, "Updated 2 min ago"],
    [7200, "Updated 2 hours ago"],
    [3600, "Updated 1 hour ago"],
  ])("%i s old reads %s", (age, text) =>
    expect(strings.freshness.updated(age, "2026-03-03T12:00:00Z")).toBe(text),
  );
});

describe("tier plan text", () => {
  test.each([
    [1, "Complete this activity to reach Gold"],
    [2, "Complete these 2 activities to reach Gold"],
  ])("%i step(s)", (count, text) => expect(strings.plan.next(count, "Gold")).toBe(text));
  test("short of the target", () =>
    expect(strings.plan.shortfall(1200, 1)).toBe(
      "Even all your open activities (1,200 pts) fall short by 1 pt — new activities may open soon.",
    ));
  test.each([
    [1, "once"],
    [3, "3 times"],
  ])("%i time(s)", (count, text) => expect(strings.plan.times(count)).toBe(text));
});

describe("activity text", () => {
  test("a multiplier with a gift", () =>
    expect(strings.activities.campaign(3, "Winter bonus", 50)).toBe("3× Winter bonus · +50"));
  test("a multiplier alone", () =>
    expect(strings.activities.campaign(1.5, "Silver sprint", 0)).toBe("1.5× Silver sprint"));
  test("a gift alone", () =>
    expect(strings.activities.campaign(1, "Launch gift", 100)).toBe("Launch gift · +100"));
  test("unlock with points to earn", () =>
    expect(strings.why.tier("Silver", 650, true)).toBe("Reach Silver to unlock — earn 650 more points"));
  test("unlock with one point to earn", () =>
    expect(strings.why.tier("Silver", 1, true)).toBe("Reach Silver to unlock — earn 1 more point"));
  test("unlock without a known score", () =>
    expect(strings.why.tier("Silver", null, true)).toBe("Reach Silver to unlock"));
  test("unlock once the score is there", () =>
    expect(strings.why.tier("Silver", 0, true)).toBe("Reach Silver to unlock"));
  test.each([
    [0, "Showing your activities from 1 minute ago."],
    [1, "Showing your activities from 1 minute ago."],
    [5, "Showing your activities from 5 minutes ago."],
    [120, "Showing your activities from 2 hours ago."],
  ])("stale for %i minutes", (minutes, text) =>
    expect(strings.activities.stale(minutes, "2026-03-03T12:00:00Z")).toBe(text),
  );
  test.each([
    [1, "Starts tomorrow"],
    [10, "Starts in 10 days"],
  ])("starts in %i days", (days, text) => expect(strings.activities.startsIn(days)).toBe(text));
  test.each([
    [0, "Ends today"],
    [1, "Ends tomorrow"],
    [2, "Ends in 2 days"],
  ])("ends in %i days", (days, text) => expect(strings.activities.endsIn(days)).toBe(text));
  test("the count says how many of how many", () => {
    expect(strings.activities.count(1, 1)).toBe("1 activity");
    expect(strings.activities.count(3, 20)).toBe("3 of 20 activities");
  });
});
