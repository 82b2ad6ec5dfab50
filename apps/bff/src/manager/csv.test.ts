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
    ["\t=1+1", '"\t\'=1+1"'],
    ["\r=1+1", '"\r\'=1+1"'],
    // A cell can also begin after a separator a spreadsheet may split on (";" in many locales, a tab,
    // a line break), and after spaces it skips: each such start is neutralised too.
    ["a;=1+1;", '"a;\'=1+1;"'],
    ["Support ticket 4711;=1+1;", '"Support ticket 4711;\'=1+1;"'],
    ["a\n=1+1", '"a\n\'=1+1"'],
    ["ticket 42\n=1+1;", '"ticket 42\n\'=1+1;"'],
    ["a\t=1+1", '"a\t\'=1+1"'],
    ["a\r\n  @SUM(A1)", '"a\r\n  \'@SUM(A1)"'],
    [" =1+1", '" \'=1+1"'],
    ["a; -2", '"a; \'-2"'],
    ["a;b", '"a;b"'],
    ["a\tb", '"a\tb"'],
    // Only the start of a cell counts.
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
