import { describe, expect, it } from "vitest";
import { jsonAround, jsonArray, parseJson, serialise, storedJson, stringify } from "./json-bytes.ts";

// Spliced JSON must be, byte for byte, what JSON.stringify makes of the whole value: the types claim
// it, and the ETag and the fast path's comparison test rely on it.

const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

describe("serialised JSON", () => {
  const card = {
    id: "101",
    title: 'Café \u2603 "quoted"',
    endedAt: new Date("2026-11-18T14:55:20Z"),
    gone: undefined,
  };

  it("stringify and serialise are JSON.stringify, as text and as UTF-8", () => {
    expect(stringify(card)).toBe(JSON.stringify(card));
    expect(Buffer.from(serialise(card)).toString("utf8")).toBe(JSON.stringify(card));
  });

  it("refuses a value without JSON text, which would splice to nothing", () => {
    expect(() => stringify(undefined)).toThrow(TypeError);
    expect(() => stringify(() => 1)).toThrow(TypeError);
  });

  it("an array from its items' text is the array's JSON", () => {
    const items = [card, { ...card, id: "102" }, { ...card, id: "103" }];
    expect(Buffer.from(jsonArray(items.map(stringify))).toString("utf8")).toBe(JSON.stringify(items));
    expect(Buffer.from(jsonArray([])).toString("utf8")).toBe("[]");
  });

  it("an object around bytes is the object's JSON, with the bytes sent as they are", () => {
    const list = [card];
    const bytes = serialise(list);
    const freshness = { fetchedAt: "2026-11-18T14:55:20.000Z", ageSeconds: 3, degraded: false };
    type Body = { enrolled: true; activities: (typeof card)[]; freshness: typeof freshness };
    const body = jsonAround<Body>()({ enrolled: true }, "activities")(bytes, { freshness });
    expect(text(body)).toBe(JSON.stringify({ enrolled: true, activities: list, freshness }));
    expect(body[1]).toBe(bytes);
    expect(body).toHaveLength(3);
    // Nothing fixed, nothing after; members without JSON left out; keys that need escaping.
    type Other = { a: number[]; 'k"1'?: string | undefined; b?: number | undefined; c: null };
    const other = jsonAround<Other>()({}, "a");
    expect(text(other(serialise([1]), { c: null }))).toBe('{"a":[1],"c":null}');
    expect(text(other(serialise([1]), { 'k"1': "x", b: undefined, c: null }))).toBe(
      JSON.stringify({ a: [1], 'k"1': "x", b: undefined, c: null }),
    );
    type Fixed = { a: number; b: string[] };
    expect(text(jsonAround<Fixed>()({ a: 1 }, "b")(serialise(["x"]), {}))).toBe('{"a":1,"b":["x"]}');
  });

  it("parses back to the value as the browser gets it (dates as strings, undefined gone)", () => {
    const parsed = parseJson(serialise(card));
    expect(parsed).toEqual({ id: "101", title: card.title, endedAt: "2026-11-18T14:55:20.000Z" });
    // A view into a larger buffer (as Redis replies and pooled buffers are) reads only its own bytes.
    const pooled = Buffer.from(`xx${JSON.stringify([1, 2])}yy`);
    const view = pooled.subarray(2, pooled.byteLength - 2);
    expect(parseJson(storedJson<number[]>(view))).toEqual([1, 2]);
  });
});
