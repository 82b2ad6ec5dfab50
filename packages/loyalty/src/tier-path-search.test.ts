import { describe, expect, it } from "vitest";
import { fewestCovering, type SearchItem } from "./tier-path-search.ts";

const item = (value: number, maxCount = 1): SearchItem => ({ value, maxCount });

// Every plan, scored the way the search promises: fewest items, then least total, then the
// earliest items kept (membership compared item by item).
interface BestPlan {
  used: number;
  total: number;
  members: boolean[];
}

function bruteForce(items: SearchItem[], target: number): BestPlan | null {
  let best: BestPlan | null = null;
  const visit = (index: number, uses: number[]) => {
    if (index === items.length) {
      const total = uses.reduce((sum, count, at) => sum + count * (items[at]?.value ?? 0), 0);
      if (total < target) return;
      const members = uses.map((count) => count > 0);
      const used = members.filter(Boolean).length;
      const firstDifference = best ? members.findIndex((member, at) => member !== best?.members[at]) : -1;
      const better =
        best === null ||
        used < best.used ||
        (used === best.used && total < best.total) ||
        (used === best.used &&
          total === best.total &&
          firstDifference >= 0 &&
          members[firstDifference] === true);
      if (better) best = { used, total, members };
      return;
    }
    for (let count = 0; count <= (items[index]?.maxCount ?? 0); count++) visit(index + 1, [...uses, count]);
  };
  visit(0, []);
  return best;
}

// A small deterministic generator, so a failure reproduces.
function* random(seed: number) {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield state / 2_147_483_648;
  }
}

describe("fewestCovering", () => {
  it.each([
    ["nothing to pick from", [], 100, null],
    ["all of it falls short", [item(100, 2), item(50)], 300, null],
    ["exactly everything", [item(100, 2), item(50)], 250, [2, 1]],
    [
      "one item repeated beats two (largest-first would take 600 + 500)",
      [item(600), item(500), item(400, 3)],
      1000,
      [0, 0, 3],
    ],
    ["least overshoot among two-item plans", [item(500), item(300), item(300)], 600, [0, 1, 1]],
    ["the earlier of equal items", [item(300), item(300), item(300)], 600, [1, 1, 0]],
    ["repeats fill the exact gap", [item(400), item(100, 5)], 700, [1, 3]],
    ["points in odd units (no common divisor)", [item(7, 2), item(5, 3)], 17, [1, 2]],
    // 1000 + 600 overshoots by more than the smallest item (1): the search must still look that far.
    [
      "an overshoot larger than the smallest item",
      [item(1000), item(1000), item(600), item(1)],
      1500,
      [1, 0, 1, 0],
    ],
    ["earlier items get the extra uses", [item(3, 2), item(1, 5)], 7, [2, 1]],
  ])("%s", (_name, items, target, expected) => {
    expect(fewestCovering(items, target)).toEqual(expected);
  });

  // Millions of points in odd amounts (no common unit to shrink them by): the exact tables would be
  // too big, so the plan is the items with the most capacity, trimmed from the last. Still the
  // fewest items and no use to spare; the overshoot may not be the least.
  describe("far beyond any tier", () => {
    const noUseToSpare = (items: SearchItem[], uses: number[], target: number) => {
      const total = uses.reduce((sum, count, at) => sum + count * (items[at]?.value ?? 0), 0);
      expect(total).toBeGreaterThanOrEqual(target);
      uses.forEach((count, at) => {
        expect(count).toBeLessThanOrEqual(items[at]?.maxCount ?? 0);
        if (count > 0) expect(total - (items[at]?.value ?? 0)).toBeLessThan(target);
      });
    };

    it.each([
      // The exact search would take 2 + 3 uses (4,999,997 points).
      [
        "the most capacity first, trimmed from the last",
        [item(1_000_000, 3), item(999_999, 3), item(1)],
        4_000_000,
        [3, 2, 0],
      ],
      [
        "a use is dropped while the rest still reach exactly",
        [item(999_998, 3), item(1_000_000, 3), item(1_000_001, 3), item(1)],
        5_000_002,
        [0, 3, 2, 0],
      ],
      [
        "capacity decides, however it is made of points and uses",
        [item(2_000_001, 1), item(1_000_003, 3), item(1_000_000, 2), item(1)],
        4_500_000,
        [1, 3, 0, 0],
      ],
    ])("%s", (_name, items, target, expected) => {
      const uses = fewestCovering(items, target);
      expect(uses).toEqual(expected);
      noUseToSpare(items, expected, target);
      expect(uses?.filter((count) => count > 0)).toHaveLength(bruteForce(items, target)?.used ?? -1);
    });

    it("one item that reaches alone still gives the least overshoot", () => {
      // The second item has more capacity, but needs 7 uses (6,999,881) where the first needs 6.
      expect(fewestCovering([item(1_000_003, 10), item(999_983, 11)], 6_000_000)).toEqual([6, 0]);
    });
  });

  const gen = random(42);
  const next = (below: number) => Math.floor((gen.next().value ?? 0) * below);
  const cases = Array.from({ length: 150 }, (_, index) => {
    const items = Array.from({ length: 1 + next(6) }, () => item((1 + next(12)) * 25, 1 + next(3)));
    return [index, items, (1 + next(30)) * 25] as const;
  });

  it.each(cases)("matches an exhaustive search, case %i", (_index, items, target) => {
    const expected = bruteForce([...items], target);
    const uses = fewestCovering(items, target);
    if (expected === null) return expect(uses).toBeNull();
    expect(uses).not.toBeNull();
    const members = uses?.map((count) => count > 0);
    const total = uses?.reduce((sum, count, at) => sum + count * (items[at]?.value ?? 0), 0);
    expect({ used: members?.filter(Boolean).length, total, members }).toEqual(expected);
    uses?.forEach((count, at) => {
      expect(count).toBeLessThanOrEqual(items[at]?.maxCount ?? 0);
    });
  });
});
