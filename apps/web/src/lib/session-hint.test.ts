import { describe, expect, it } from "vitest";
import { maybeSignedIn } from "./session-hint.ts";

describe("maybeSignedIn", () => {
  it.each([
    ["", false],
    ["__Host-portal.signed-in=1", true],
    ["theme=dark; __Host-portal.signed-in=1", true],
    ["__Host-portal.signed-in=1;theme=dark", true],
    ["__Host-portal.signed-in=0", false],
    ["x__Host-portal.signed-in=1", false],
    ["portal.signed-in=1", false],
  ])("%j → %j", (cookie, expected) => {
    expect(maybeSignedIn(cookie)).toBe(expected);
  });
});
