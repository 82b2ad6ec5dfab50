import { describe, expect, it } from "vitest";
import { describeSchemaFailure } from "./schema-failure.ts";
import { createUserActivitiesParser, type UserActivitiesParser } from "./user-activities-parser.ts";
import { userActivitiesResponseSchema } from "./user-activity.ts";
import { documented, NORMALISED, REFUSED } from "./user-activity-samples.ts";

// The parser that remembers items must read every body exactly as the schema does — the same values,
// in the same key order, and the same refusal issue for issue — whatever it has seen before.

/** As the client gets a body: decoded from JSON text. */
const fromJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function expectAsSchema(parse: UserActivitiesParser, value: unknown) {
  const body = fromJson(value);
  const expected = userActivitiesResponseSchema.safeParse(fromJson(value));
  const actual = parse(body);
  expect(actual.success).toBe(expected.success);
  if (expected.success && actual.success) {
    expect(actual.data).toEqual(expected.data);
    // toEqual ignores key order; what the member is sent does not.
    expect(JSON.stringify(actual.data)).toBe(JSON.stringify(expected.data));
  } else if (!expected.success && !actual.success) {
    expect(actual.error.issues).toEqual(expected.error.issues);
    expect(describeSchemaFailure(actual.error)).toBe(describeSchemaFailure(expected.error));
  }
  return actual;
}

const variants = NORMALISED.map(([name, patch]) => [name, { ...documented, ...patch }] as const);
const refused = REFUSED.map(([name, patch]) => [name, { ...documented, ...patch }] as const);

/** A parser that has already seen the documented item and every normalised variant of it. */
function primed(): UserActivitiesParser {
  const parse = createUserActivitiesParser();
  parse(fromJson([documented, ...variants.map(([, item]) => item)]));
  return parse;
}

describe("the user-activities parser with a memory", () => {
  it.each(variants)("reads %s as the schema does, first time and when seen before", (_name, item) => {
    expectAsSchema(createUserActivitiesParser(), [item]);
    const parse = primed();
    expectAsSchema(parse, [item]);
    expectAsSchema(parse, [documented, item, item]);
  });

  it.each(refused)(
    "refuses %s as the schema does, also after reading good items of that id",
    (_name, item) => {
      expectAsSchema(createUserActivitiesParser(), [item]);
      expectAsSchema(primed(), [documented, item]);
      expectAsSchema(primed(), [item, documented, { ...documented, num_points: "many" }]);
    },
  );

  it.each([
    ["an object", { id: 1 }],
    ["null", null],
    ["a string", "[]"],
    ["a list of scalars", [1, "two", null]],
    ["a list with an array item", [[documented]]],
  ])("refuses a body that is %s as the schema does", (_name, body) => {
    expectAsSchema(primed(), body);
  });

  it("reuses an equal item's result (a new parse of the same JSON)", () => {
    const parse = createUserActivitiesParser();
    const first = parse(fromJson([documented]));
    const second = parse(fromJson([documented]));
    if (!first.success || !second.success) throw new Error("the documented item parses");
    expect(second.data[0]).toBe(first.data[0]);
  });

  it("tells apart items that differ only in a spelling the schema normalises to the same value", () => {
    const parse = primed();
    // Each is read afresh; the results are equal, but the memory never stands in for a different JSON.
    for (const patch of [{ id: "216" }, { id: 216 }, { num_points: "2000" }, { is_hidden_by_tier: 0 }]) {
      expectAsSchema(parse, [{ ...documented, ...patch }]);
    }
    expectAsSchema(parse, [{ ...documented, num_points: -0 }]);
    expectAsSchema(parse, [{ ...documented, num_points: 0 }]);
  });

  it("keeps extra data in the order each body sends it", () => {
    const parse = createUserActivitiesParser();
    const ab = expectAsSchema(parse, [{ ...documented, extra_data: { a: "1", b: "2" } }]);
    const ba = expectAsSchema(parse, [{ ...documented, extra_data: { b: "2", a: "1" } }]);
    if (!ab.success || !ba.success) throw new Error("both parse");
    expect(Object.keys(ab.data[0]?.extraData ?? {})).toEqual(["a", "b"]);
    expect(Object.keys(ba.data[0]?.extraData ?? {})).toEqual(["b", "a"]);
  });

  it("sees a changed campaign, tier flag or unknown field as a different item", () => {
    const parse = primed();
    expectAsSchema(parse, [
      { ...documented, campaigns: [{ title: "Winter", multiplier: 2, point_gift: 50 }] },
    ]);
    expectAsSchema(parse, [{ ...documented, is_locked_by_tier: true }]);
    expectAsSchema(parse, [{ ...documented, something_new: { nested: [1, 2] } }]);
    expectAsSchema(parse, [{ ...documented, campaigns: [] }]);
    expectAsSchema(parse, [{ ...documented, campaigns: undefined }]);
  });

  it("compares a hostile, deeply nested unknown field without exhausting the stack", () => {
    const depth = 100_000;
    const text = `[{${JSON.stringify(documented).slice(1, -1)},"deep":${"[".repeat(depth)}${"]".repeat(depth)}}]`;
    const parse = createUserActivitiesParser();
    for (let i = 0; i < 2; i += 1) {
      const result = parse(JSON.parse(text));
      const expected = userActivitiesResponseSchema.safeParse(JSON.parse(text));
      expect([result.success, expected.success]).toEqual([true, true]);
      if (result.success && expected.success) expect(result.data).toEqual(expected.data);
    }
  });

  it("stays right when it has to forget (more items than it keeps)", () => {
    const parse = createUserActivitiesParser({ maxItems: 3 });
    const items = Array.from({ length: 10 }, (_, i) => ({ ...documented, id: 300 + i, title: `t${i}` }));
    expectAsSchema(parse, items);
    expectAsSchema(parse, items.slice(0, 5));
    expectAsSchema(parse, [...items].reverse());
    expectAsSchema(
      parse,
      items.map((item) => ({ ...item, is_locked_by_tier: true })),
    );
  });

  it("reads a long random sequence of quirky bodies as the schema does", () => {
    // A deterministic generator: every run walks the same sequence.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pick = <T>(values: readonly T[]): T => values[random(values.length)] as T;
    const patches = [...NORMALISED.map(([, patch]) => patch), ...REFUSED.map(([, patch]) => patch)];
    const parse = createUserActivitiesParser({ maxItems: 16 });
    for (let round = 0; round < 300; round += 1) {
      const body = Array.from({ length: 1 + random(6) }, () => ({
        ...documented,
        id: pick([216, "216", 217, 218]),
        is_hidden_by_tier: pick([false, true, "true", 0]),
        ...(random(4) === 0 ? pick(patches) : {}),
      }));
      expectAsSchema(parse, body);
    }
  });

  it("hands out frozen items, since other calls share them", () => {
    const result = createUserActivitiesParser()(fromJson([documented]));
    if (!result.success) throw new Error("the documented item parses");
    const [item] = result.data;
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item?.campaigns)).toBe(true);
    expect(Object.isFrozen(item?.campaigns[0])).toBe(true);
    expect(Object.isFrozen(item?.extraData)).toBe(true);
  });
});
