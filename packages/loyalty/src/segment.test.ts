import { describe, expect, it } from "vitest";
import { type SegmentRule, segmentEligibility } from "./segment.ts";

const inclusion: SegmentRule = { subscriptionId: "1628", eligibility: "inclusion" };
const exclusion: SegmentRule = { subscriptionId: "1628", eligibility: "exclusion" };

describe("segmentEligibility", () => {
  it.each([
    ["no rule, known segments", null, ["1"], "eligible"],
    ["no rule, unknown segments", null, null, "eligible"],
    ["inclusion, member of it", inclusion, ["7", "1628"], "eligible"],
    ["inclusion, not a member", inclusion, ["7"], "not_eligible"],
    ["inclusion, no segments at all", inclusion, [], "not_eligible"],
    ["inclusion, unknown segments", inclusion, null, "unknown"],
    ["exclusion, member of it", exclusion, ["1628"], "not_eligible"],
    ["exclusion, not a member", exclusion, ["7"], "eligible"],
    ["exclusion, unknown segments", exclusion, null, "unknown"],
    ["ids compare exactly, not by prefix", inclusion, ["16280", "162"], "not_eligible"],
  ] as const)("%s", (_name, rule, segments, expected) => {
    expect(segmentEligibility(rule, segments)).toBe(expected);
  });
});
