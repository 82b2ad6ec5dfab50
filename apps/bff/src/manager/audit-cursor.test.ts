import { describe, expect, it } from "vitest";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor.ts";

describe("audit cursor", () => {
  it.each([
    [{ atMicros: 0n, id: 1n }, "0.1"],
    [{ atMicros: 1_767_225_600_123_456n, id: 42n }, "1767225600123456.42"],
    // The largest id Postgres' bigint holds, and a time in the year 5138 (17 digits).
    [
      { atMicros: 99_999_999_999_999_999n, id: 9_223_372_036_854_775_807n },
      "99999999999999999.9223372036854775807",
    ],
  ])("writes %o as %s and reads it back", (cursor, text) => {
    expect(encodeAuditCursor(cursor)).toBe(text);
    expect(decodeAuditCursor(text)).toEqual(cursor);
  });

  it.each([
    ["", "empty"],
    ["42", "no id"],
    [".42", "no time"],
    ["42.", "no id after the dot"],
    ["1.2.3", "three parts"],
    ["-1.2", "a negative time"],
    ["1.-2", "a negative id"],
    ["1e3.2", "an exponent"],
    ["1.2 ", "a trailing space"],
    [" 1.2", "a leading space"],
    ["0x10.2", "hex"],
    ["１.２", "full-width digits"],
    ["100000000000000000.1", "a time of 18 digits"],
    ["1.10000000000000000000", "an id of 20 digits"],
    ["1.9223372036854775808", "an id past bigint"],
    ["1.2\n", "a line break"],
  ])("refuses %j (%s)", (text) => {
    expect(decodeAuditCursor(text)).toBeNull();
  });
});
