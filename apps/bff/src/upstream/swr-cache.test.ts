import { describe, expect, it } from "vitest";
import { createSwrCache } from "./swr-cache.ts";

function setup(maxEntries = 3) {
  const clock = { now: 1_000_000 };
  const cache = createSwrCache({ maxEntries, freshMs: 30_000, staleMs: 600_000, now: () => clock.now });
  return { cache, clock };
}

describe("swr cache", () => {
  it("evicts the least recently used entry beyond maxEntries", () => {
    const { cache } = setup();
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");
    cache.get("a"); // a is now the most recently used; b the least
    cache.set("d", "4");

    expect(cache.size).toBe(3);
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d"].map((key) => cache.get(key)?.entry.bytes)).toEqual(["1", "3", "4"]);
  });

  it("says fresh up to freshMs, stale up to staleMs, and forgets entries after that", () => {
    const { cache, clock } = setup();
    cache.set("a", "1");
    clock.now += 30_000;
    expect(cache.get("a")?.state).toBe("fresh");
    clock.now += 1;
    expect(cache.get("a")?.state).toBe("stale");
    clock.now += 570_000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps bytes as given: strings and Uint8Arrays, never re-serialised", () => {
    const cache = createSwrCache<Uint8Array>();
    const bytes = new TextEncoder().encode('{"a":1}');
    cache.set("k", bytes);
    expect(cache.get("k")?.entry.bytes).toBe(bytes);
  });

  it("records a failed refresh only on the entry it was meant for", () => {
    const { cache, clock } = setup();
    const first = cache.set("a", "1");
    clock.now += 5;
    cache.set("a", "2");
    cache.markFailure("a", first.fetchedAt);
    expect(cache.get("a")?.entry.lastFailureAt).toBeNull();

    const current = cache.get("a")?.entry;
    cache.markFailure("a", current?.fetchedAt ?? 0);
    expect(cache.get("a")?.entry.lastFailureAt).toBe(clock.now);
  });

  it("rejects windows that make no sense", () => {
    expect(() => createSwrCache({ freshMs: 10, staleMs: 5 })).toThrow(RangeError);
    expect(() => createSwrCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
