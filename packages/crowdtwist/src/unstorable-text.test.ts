import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./unstorable-text.ts";

describe("findUnstorableText", () => {
  it.each([
    ["a clean object", { a: "text", b: [1, "two", null, true, { c: "ü €" }] }, null],
    ["a surrogate pair", { emoji: "🎉" }, null],
    ["an empty string and an empty key", { "": "" }, null],
    ["numbers, booleans and null only", [1, 2.5, false, null], null],
    ["NUL at the top", "a\u0000b", { path: [], problem: "nul" }],
    ["NUL in a value", { name: "x\u0000" }, { path: ["name"], problem: "nul" }],
    ["NUL in a key", { outer: { "k\u0000": 1 } }, { path: ["outer", "k\u0000"], problem: "nul" }],
    [
      "a lone high surrogate",
      { list: ["ok", "\ud83d"] },
      { path: ["list", 1], problem: "unpaired_surrogate" },
    ],
    ["a lone low surrogate", { a: { b: "\ude00" } }, { path: ["a", "b"], problem: "unpaired_surrogate" }],
    ["a surrogate in a key", { "\ud800": "v" }, { path: ["\ud800"], problem: "unpaired_surrogate" }],
    [
      "the first of two, in document order",
      { a: ["\u0000"], b: "\ud800" },
      { path: ["a", 0], problem: "nul" },
    ],
  ])("%s", (_name, value, expected) => {
    expect(findUnstorableText(value)).toEqual(expected);
  });

  it("walks 200,000 levels of nesting without recursion", () => {
    let value: unknown = "\u0000";
    for (let i = 0; i < 200_000; i += 1) value = [value];
    const found = findUnstorableText(value);
    expect(found?.problem).toBe("nul");
    expect(found?.path).toHaveLength(200_000);
  });
});
