import { describe, expect, it } from "vitest";
import { digestOf, shareBytes } from "./shared-bytes.ts";

describe("bodies shared by content", () => {
  it("keeps one copy of equal bodies and tells different ones apart", () => {
    const first = shareBytes(Buffer.from('{"activities":[1,2,3]}'));
    const equal = shareBytes(Buffer.from('{"activities":[1,2,3]}'));
    const other = shareBytes(Buffer.from('{"activities":[1,2,4]}'));
    expect(equal).toBe(first);
    expect(other).not.toBe(first);
    expect(digestOf(other)).not.toBe(digestOf(first));
    expect(digestOf(first)).toMatch(/^[\w-]{22}$/);
  });

  it("never hands out bytes that differ from what was given, whatever the table holds", () => {
    const bodies = Array.from({ length: 500 }, (_, i) => Buffer.from(`{"member":${i % 50}}`));
    for (const body of bodies) expect(Buffer.compare(shareBytes(body), body)).toBe(0);
  });
});
