import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv.ts";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    [" padded ", '" padded "'],
    // Formula starts are neutralised, and quoted when they also need quotes.
    ['=HYPERLINK("http://evil.test","x")', '"\'=HYPERLINK(""http://evil.test"",""x"")"'],
    ["+1 212 555 0101", "'+1 212 555 0101"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", '"\'\r=1+1"'],
    // Only the start counts.
    ["a=b", "a=b"],
    ["ticket-42", "ticket-42"],
    ["名前", "名前"],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("ends every row with CRLF", () => {
    expect(csvRow(["a", null, "=b"])).toBe("a,,'=b\r\n");
  });
});
