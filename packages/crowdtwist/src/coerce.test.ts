import { describe, expect, it } from "vitest";
import {
  ctBoolean,
  ctDecimal,
  ctEpochSecondsOrNull,
  ctExtraData,
  ctId,
  ctInteger,
  ctIsoDateOrNull,
  ctJsonObjectOrNull,
  ctTextOrNull,
} from "./coerce.ts";

describe("coerce helpers", () => {
  it.each([
    [216, "216"],
    ["216", "216"],
    ["abc-1", "abc-1"],
  ])("ctId(%j) → %j", (input, expected) => {
    expect(ctId.parse(input)).toBe(expected);
  });

  it.each([[""], [1.5], [null], [true]])("ctId rejects %j", (input) => {
    expect(ctId.safeParse(input).success).toBe(false);
  });

  it.each([
    [2000, 2000],
    ["2000", 2000],
    [" 25 ", 25],
    ["-3", -3],
  ])("ctInteger(%j) → %j", (input, expected) => {
    expect(ctInteger.parse(input)).toBe(expected);
  });

  it.each([["2.5"], [2.5], ["abc"], [""], [null]])("ctInteger rejects %j", (input) => {
    expect(ctInteger.safeParse(input).success).toBe(false);
  });

  it.each([
    [3, 3],
    [1.5, 1.5],
    ["3.0", 3],
    ["1.5", 1.5],
    ["2", 2],
  ])("ctDecimal(%j) → %j", (input, expected) => {
    expect(ctDecimal.parse(input)).toBe(expected);
  });

  it.each([["three"], ["3,0"], [Number.NaN], [Number.POSITIVE_INFINITY]])("ctDecimal rejects %j", (input) => {
    expect(ctDecimal.safeParse(input).success).toBe(false);
  });

  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["false", false],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
  ])("ctBoolean(%j) → %j", (input, expected) => {
    expect(ctBoolean.parse(input)).toBe(expected);
  });

  it.each([["yes"], [2], [null], [""]])("ctBoolean rejects %j", (input) => {
    expect(ctBoolean.safeParse(input).success).toBe(false);
  });

  it.each([
    [1508167798, "2017-10-16T15:29:58.000Z"],
    ["1508167798", "2017-10-16T15:29:58.000Z"],
    [null, null],
    [undefined, null],
  ])("ctEpochSecondsOrNull(%j) → %j", (input, expected) => {
    expect(ctEpochSecondsOrNull.parse(input)?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    ["2017-03-23T20:00:00Z", "2017-03-23T20:00:00.000Z"],
    [null, null],
  ])("ctIsoDateOrNull(%j) → %j", (input, expected) => {
    expect(ctIsoDateOrNull.parse(input)?.toISOString() ?? null).toBe(expected);
  });

  it("ctIsoDateOrNull rejects text that is no date", () => {
    expect(ctIsoDateOrNull.safeParse("soon").success).toBe(false);
  });

  it.each([
    ["New York", "New York"],
    [10001, "10001"],
    ["", null],
    ["  ", null],
    [null, null],
    [undefined, null],
  ])("ctTextOrNull(%j) → %j", (input, expected) => {
    expect(ctTextOrNull.parse(input)).toBe(expected);
  });

  it.each([
    [{ TEST: "12" }, { TEST: "12" }],
    [
      { count: 12, flag: true },
      { count: "12", flag: "true" },
    ],
    [{}, null],
    [[], null],
    [null, null],
    [undefined, null],
  ])("ctExtraData(%j) → %j", (input, expected) => {
    expect(ctExtraData.parse(input)).toEqual(expected);
  });

  it.each([
    ['{"employee_id":"employee1","register_id":"1"}', { employee_id: "employee1", register_id: "1" }],
    [{ cashier_id: "2" }, { cashier_id: "2" }],
    [null, null],
    ["", null],
    ["null", null],
  ])("ctJsonObjectOrNull(%j) → %j", (input, expected) => {
    expect(ctJsonObjectOrNull.parse(input)).toEqual(expected);
  });

  it.each([["not json"], ["[1,2]"], ['"text"']])("ctJsonObjectOrNull rejects %j", (input) => {
    expect(ctJsonObjectOrNull.safeParse(input).success).toBe(false);
  });
});
