import { describe, expect, it } from "vitest";
import { bronze, gold, silver, testProgram } from "./program-fixture.ts";
import type { SegmentRule } from "./segment.ts";
import { visibilityMatrix } from "./visibility-matrix.ts";

const program = testProgram({ tiers: [gold, silver, bronze] });
const inclusion: SegmentRule = { subscriptionId: "1628", eligibility: "inclusion" };
const exclusion: SegmentRule = { subscriptionId: "1628", eligibility: "exclusion" };
const lockedFromSilver = { minTierId: silver.id, showAsLockedByTier: true };
const everyone = { minTierId: null, showAsLockedByTier: false };

// Compact form of a row: one letter per tier, lowest first (a = available, l = locked,
// h = hidden by tier, s = hidden by segment).
function summary(matrix: ReturnType<typeof visibilityMatrix>) {
  return matrix.rows.map((row) => ({
    audience: row.audience,
    cells: row.cells
      .map(({ visibility }) =>
        visibility.state === "hidden" ? (visibility.reason === "segment" ? "s" : "h") : visibility.state[0],
      )
      .join(""),
  }));
}

describe("visibilityMatrix", () => {
  it.each([
    ["no rules at all", everyone, undefined, [{ audience: "everyone", cells: "aaa" }]],
    ["a null segment", everyone, null, [{ audience: "everyone", cells: "aaa" }]],
    ["tier lock only", lockedFromSilver, null, [{ audience: "everyone", cells: "laa" }]],
    [
      "tier hide only",
      { minTierId: gold.id, showAsLockedByTier: false },
      null,
      [{ audience: "everyone", cells: "hha" }],
    ],
    [
      "inclusion segment",
      everyone,
      inclusion,
      [
        { audience: "in_segment", cells: "aaa" },
        { audience: "out_of_segment", cells: "sss" },
      ],
    ],
    [
      "exclusion segment",
      everyone,
      exclusion,
      [
        { audience: "in_segment", cells: "sss" },
        { audience: "out_of_segment", cells: "aaa" },
      ],
    ],
    [
      "segment and tier lock: the segment hides, the tier locks the rest",
      lockedFromSilver,
      inclusion,
      [
        { audience: "in_segment", cells: "laa" },
        { audience: "out_of_segment", cells: "sss" },
      ],
    ],
  ] as const)("%s", (_name, rule, segment, expected) => {
    const matrix = visibilityMatrix(program, rule, segment);
    expect(matrix.tiers).toEqual([bronze, silver, gold]);
    expect(matrix.unknownTier).toBe(false);
    expect(summary(matrix)).toEqual(expected);
  });

  it("names the unlocking tier in each locked cell", () => {
    const [row] = visibilityMatrix(program, lockedFromSilver).rows;
    expect(row?.cells[0]?.visibility).toEqual({ state: "locked", unlockTier: silver, unknownTier: false });
  });

  it.each([
    ["with tiers", program, true, [{ audience: "everyone", cells: "lla" }]],
    ["without tiers", testProgram({ tiers: [] }), true, [{ audience: "everyone", cells: "" }]],
  ] as const)("flags a min tier the program does not list, %s", (_name, settings, unknown, rows) => {
    const matrix = visibilityMatrix(settings, { minTierId: "99", showAsLockedByTier: true });
    expect(matrix.unknownTier).toBe(unknown);
    expect(summary(matrix)).toEqual(rows);
  });
});
