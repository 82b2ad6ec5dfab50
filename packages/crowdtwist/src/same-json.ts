// Whether two values parsed from JSON are the same JSON: the same types, the same numbers (0 and -0
// apart), the same strings, arrays of the same items and objects with the same keys *in the same
// order* (a record schema keeps its input's key order, so order is part of what a parse returns).
// Anything that could not have come from JSON.parse (a class instance, a function) is never the same,
// and neither is anything nested deeper than MAX_DEPTH: the answer may be a false "different", never
// a false "same", and a hostile body nested 100,000 deep must not exhaust the stack.

const MAX_DEPTH = 32;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return typeof a === "number" || typeof a === "string" || typeof a === "boolean" || a === null
      ? Object.is(a, b)
      : false;
  }
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  return sameEntries(a, b, Object.keys(b), depth);
}

/**
 * `a` has exactly the keys `bKeys` (those of `b`, in order) with the same values. Split out so a
 * caller comparing many objects against one can compute that one's keys once.
 */
export function sameEntries(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  bKeys: readonly string[],
  depth = 0,
): boolean {
  let i = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) return false;
    if (key !== bKeys[i] || !sameJson(a[key], b[key], depth + 1)) return false;
    i += 1;
  }
  return i === bKeys.length;
}
