import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.ts";

describe("LruMap", () => {
  it("drops the least recently used entry beyond its bound", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("c", 3);
    expect([...map]).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("counts a read as a use, and a peek not", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect([...map].map(([key]) => key)).toEqual(["a", "c"]);
    expect(map.peek("a")).toBe(1);
    map.set("d", 4);
    expect([...map].map(([key]) => key)).toEqual(["c", "d"]);
  });

  it("replaces a value without growing, as the most recently used", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("a", 10).set("c", 3);
    expect([...map]).toEqual([
      ["a", 10],
      ["c", 3],
    ]);
    expect(map.size).toBe(2);
  });

  it("deletes, clears and refuses a bound below one", () => {
    const map = new LruMap<string, number>(3);
    map.set("a", 1).set("b", 2);
    expect(map.delete("a")).toBe(true);
    expect(map.has("a")).toBe(false);
    map.clear();
    expect(map.size).toBe(0);
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
