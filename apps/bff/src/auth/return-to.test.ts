import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.ts";

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
