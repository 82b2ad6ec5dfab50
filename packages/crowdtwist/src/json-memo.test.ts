import { describe, expect, it } from "vitest";
import { createJsonMemo } from "./json-memo.ts";

describe("JSON decoding with a memory", () => {
  it("decodes as JSON.parse does, and the same text to the same value", () => {
    const decode = createJsonMemo();
    const text = '[{"id":101,"title":"t","extra_data":{"b":"2","a":"1"}}]';
    const first = decode(text);
    expect(first).toEqual(JSON.parse(text));
    expect(JSON.stringify(first)).toBe(JSON.stringify(JSON.parse(text)));
    // A new string with the same characters (as each HTTP answer is) finds it again.
    expect(decode(text.split("").join(""))).toBe(first);
    expect(decode('[{"id":102}]')).not.toBe(first);
  });

  it("answers undefined for text that is not JSON, and remembers nothing for it", () => {
    const decode = createJsonMemo();
    expect(decode("not json")).toBeUndefined();
    expect(decode("")).toBeUndefined();
    expect(decode("null")).toBeNull();
  });

  it("forgets the least recently used texts beyond its size, and stays right", () => {
    const decode = createJsonMemo({ maxChars: 20 });
    const a = decode('{"a":1}'); // 7 characters
    const b = decode('{"b":2}');
    expect(decode('{"a":1}')).toBe(a); // a is now the most recent
    decode('{"c":3}'); // 21 > 20: b goes
    expect(decode('{"a":1}')).toBe(a);
    const b2 = decode('{"b":2}');
    expect(b2).not.toBe(b);
    expect(b2).toEqual({ b: 2 });
    const long = `[${"1,".repeat(20)}1]`;
    expect(decode(long)).toEqual(JSON.parse(long)); // longer than the whole memory: decoded, not kept
    expect(decode(long)).not.toBe(decode(long));
  });
});
