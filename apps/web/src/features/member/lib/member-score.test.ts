import { expect, test } from "vitest";
import { profileFixture, topTierProfile } from "../../../testing/fixtures.ts";
import { memberTierScore } from "./member-score.ts";

test("the score is the next tier's threshold minus what is left to it", () =>
  expect(memberTierScore(profileFixture())).toBe(350));
test("no profile, no score", () => expect(memberTierScore(null)).toBeNull());
test("the top tier has no next threshold to read it from", () =>
  expect(memberTierScore(topTierProfile())).toBeNull());
