// The exact search behind tier-path.ts. Items are activities in the order the caller prefers them
// (ending soonest first); each gives `value` per use, up to `maxCount` uses. Wanted: the fewest
// items whose uses reach `target`, then the least overshoot, then the earliest items in that order.
// Largest-first greedy fails the second and third goals, and the first once an item's value depends
// on repeats, so this is a dynamic program over (items used, exact total), in the sizes a portal has.

export interface SearchItem {
  /** Points per use: a positive whole number. */
  value: number;
  /** Uses allowed: a positive whole number. */
  maxCount: number;
}

/** Beyond this many table cells (bytes) the exact tables would be too big; see `greedyCover`. */
const CELL_BUDGET = 1 << 25;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * `out[s] |= 1` where some `a` in 1..count has `src[s - dir·a·step]` set. A sliding window along each
 * residue class keeps this O(size) however many uses are allowed.
 */
function spread(src: Uint8Array, step: number, count: number, dir: 1 | -1, out: Uint8Array): void {
  const size = src.length;
  for (let r = 0; r < Math.min(step, size); r++) {
    const first = dir === 1 ? r : r + Math.floor((size - 1 - r) / step) * step;
    let ones = 0;
    for (let s = first; s >= 0 && s < size; s += dir * step) {
      if (ones > 0) out[s] = 1;
      ones += src[s] ?? 0;
      const leaving = s - dir * count * step;
      if (leaving >= 0 && leaving < size) ones -= src[leaving] ?? 0;
    }
  }
}

/** The fewest items (by whole capacity) that reach the target; `null` when all of them fall short. */
function fewestItems(items: readonly SearchItem[], target: number): number | null {
  const capacities = items.map((item) => item.value * item.maxCount).sort((a, b) => b - a);
  let sum = 0;
  for (const [index, capacity] of capacities.entries()) {
    if (sum >= target) return index;
    sum += capacity;
  }
  return sum >= target ? capacities.length : null;
}

/**
 * Uses per item (same order as `items`), or `null` when even every use of every item falls short.
 * `target` must be positive.
 */
export function fewestCovering(items: readonly SearchItem[], target: number): number[] | null {
  const k = fewestItems(items, target);
  if (k === null) return null;
  // Work in units of the values' common divisor: points are usually multiples of 5 or 50.
  const unit = items.reduce((divisor, item) => gcd(item.value, divisor), 0);
  const goal = Math.ceil(target / unit);
  const values = items.map((item) => item.value / unit);
  // No need to cap uses at what reaches the goal alone: past one item (k ≥ 2) none can, and one
  // item is settled by `singleCover`, which never takes more.
  const counts = items.map((item) => item.maxCount);
  // A best plan stays below goal + its smallest value (else dropping or reducing a use would do), so
  // totals above goal + the largest value are never needed.
  const width = goal + Math.max(...values);
  if (k === 1) return singleCover(values, counts, goal);
  if ((items.length + 1) * (k + 1) * width > CELL_BUDGET) return greedyCover(values, counts, goal, k);

  const row = (table: Uint8Array, used: number) => table.subarray(used * width, (used + 1) * width);
  // suffix[j]: which (items used, exact total) the items j.. can make.
  const suffix: Uint8Array[] = [];
  suffix[items.length] = new Uint8Array((k + 1) * width);
  (suffix[items.length] as Uint8Array)[0] = 1;
  for (let j = items.length - 1; j >= 0; j--) {
    const after = suffix[j + 1] as Uint8Array;
    const here = after.slice();
    for (let used = 1; used <= k; used++) {
      spread(row(after, used - 1), values[j] ?? 1, counts[j] ?? 1, 1, row(here, used));
    }
    suffix[j] = here;
  }
  const full = row(suffix[0] as Uint8Array, k);
  let best = goal;
  while (best < width && !full[best]) best++;
  if (best === width) return greedyCover(values, counts, goal, k); // cannot happen; see `width`

  // Walk the items in order and keep one whenever some best plan can: the states reachable so far
  // that still complete to (k, best) form the frontier. When no best plan can keep item j, every
  // frontier state completes without it, so the frontier stands as it is for item j + 1.
  let frontier = new Uint8Array((k + 1) * width);
  frontier[k * width + best] = 1;
  const chosen: number[] = [];
  for (let j = 0; j < items.length; j++) {
    const after = suffix[j + 1] as Uint8Array;
    const taken = new Uint8Array((k + 1) * width);
    for (let used = 1; used <= k; used++) {
      spread(row(frontier, used), values[j] ?? 1, counts[j] ?? 1, -1, row(taken, used - 1));
    }
    let any = false;
    for (let cell = 0; cell < taken.length; cell++) {
      taken[cell] = (taken[cell] ?? 0) & (after[cell] ?? 0);
      any ||= taken[cell] === 1;
    }
    if (any) {
      chosen.push(j);
      frontier = taken;
    }
  }
  return usesFor(chosen, values, counts, best, items.length);
}

/** With the items fixed, how many uses of each make exactly `total`; earlier items get the extra. */
function usesFor(
  chosen: number[],
  values: number[],
  counts: number[],
  total: number,
  size: number,
): number[] {
  const reach: Uint8Array[] = [new Uint8Array(total + 1)];
  (reach[0] as Uint8Array)[0] = 1;
  for (const index of chosen) {
    const next = new Uint8Array(total + 1);
    spread(reach[reach.length - 1] as Uint8Array, values[index] ?? 1, counts[index] ?? 1, 1, next);
    reach.push(next);
  }
  const uses = new Array<number>(size).fill(0);
  let left = total;
  for (let position = chosen.length - 1; position >= 0; position--) {
    const index = chosen[position] ?? 0;
    const value = values[index] ?? 1;
    const most = counts[index] ?? 1;
    let count = 1;
    while (count < most && !reach[position]?.[left - count * value]) count++;
    uses[index] = count;
    left -= count * value;
  }
  return uses;
}

/** One item suffices (common once repeats are allowed): the least overshoot, the earliest on a tie. */
function singleCover(values: number[], counts: number[], goal: number): number[] {
  let best = -1;
  let bestTotal = Number.POSITIVE_INFINITY;
  values.forEach((value, index) => {
    const total = Math.ceil(goal / value) * value;
    if (Math.ceil(goal / value) <= (counts[index] ?? 0) && total < bestTotal)
      [best, bestTotal] = [index, total];
  });
  return values.map((value, index) => (index === best ? Math.ceil(goal / value) : 0));
}

/**
 * Only for targets far beyond any tier (millions of points in odd amounts): the k items with the
 * most capacity, trimmed from the last. Still the fewest items; the overshoot may not be least.
 */
function greedyCover(values: number[], counts: number[], goal: number, k: number): number[] {
  const order = values.map((_, index) => index);
  order.sort((a, b) => (values[b] ?? 0) * (counts[b] ?? 0) - (values[a] ?? 0) * (counts[a] ?? 0) || a - b);
  const picked = order.slice(0, k).sort((a, b) => a - b);
  const uses = new Array<number>(values.length).fill(0);
  let total = 0;
  for (const index of picked) {
    uses[index] = counts[index] ?? 0;
    total += (values[index] ?? 0) * (counts[index] ?? 0);
  }
  for (const index of picked.reverse()) {
    const value = values[index] ?? 0;
    while ((uses[index] ?? 0) > 1 && total - value >= goal) {
      uses[index] = (uses[index] ?? 0) - 1;
      total -= value;
    }
  }
  return uses;
}
