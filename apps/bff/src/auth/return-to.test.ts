import { describe, expect, it } from "vitest";
import { landingAfterSignIn, safeReturnTo } from "./return-to.ts";

describe("safeReturnTo", () => {
  it.each([
    ["/activities", "/activities"],
    ["/activities?filter=locked#top", "/activities?filter=locked#top"],
    ["/manage/activities/64?tier=345", "/manage/activities/64?tier=345"],
    ["/a/../b", "/b"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.test", "/"],
    ["//evil.test", "/"],
    ["/\\evil.test", "/"],
    ["/.//evil.test", "/"],
    ["/a/..//evil.test", "/"],
    ["/%2e//evil.test", "/"],
    ["/./\\evil.test", "/"],
    ["\\\\evil.test", "/"],
    ["/%2F%2Fevil.test", "/%2F%2Fevil.test"],
    ["javascript:alert(1)", "/"],
    ["activities", "/"],
    ["/ok\nSet-Cookie: x", "/"],
    ["/\tevil", "/"],
    [`/${"a".repeat(3000)}`, "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe("landingAfterSignIn", () => {
  it.each([
    ["/", true, "/manage"],
    ["/", false, "/"],
    ["/manage/audit?member=ava", true, "/manage/audit?member=ava"],
    ["/activities/105", true, "/activities/105"],
    ["/activities/105", false, "/activities/105"],
    // What safeReturnTo turns a hostile address into still lands a manager on the manager area.
    [safeReturnTo("//evil.test"), true, "/manage"],
    [safeReturnTo("https://evil.test/manage"), false, "/"],
  ])("%j, manager %j → %j", (returnTo, isManager, expected) => {
    expect(landingAfterSignIn(returnTo, isManager)).toBe(expected);
  });
});
