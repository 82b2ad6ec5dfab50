import { describe, expect, it } from "vitest";
import { communityKind } from "./community.ts";

describe("communityKind", () => {
  it.each([
    ["Survey", "survey"],
    ["survey", "survey"],
    ["Quick Survey", "survey"],
    ["SURVEY (short)", "survey"],
    ["Forum", "forum"],
    ["forum", "forum"],
    // Only a forum is a forum; another kind of discussion reads as an activity.
    ["Forum Discussion", "activity"],
    ["Idea Exchange", "activity"],
    ["", "activity"],
    [null, "activity"],
    [undefined, "activity"],
  ] as const)("Alida's %j is worded as a %s", (activityType, kind) => {
    expect(communityKind(activityType)).toBe(kind);
  });
});
