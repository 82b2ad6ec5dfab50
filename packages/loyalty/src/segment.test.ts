import { describe, expect, it } from "vitest";
import { listedSegmentEligibility, type SegmentRule, segmentEligibility } from "./segment.ts";

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

describe("listedSegmentEligibility (an activity CrowdTwist listed for the member)", () => {
  const recorded = (entries: [string, boolean][]) => new Map(entries);
  it.each([
    ["no rule", null, [], "eligible"],
    ["inclusion, nothing recorded: as CrowdTwist listed it", inclusion, [], "eligible"],
    ["inclusion, recorded as entered", inclusion, [["1628", true]], "eligible"],
    ["inclusion, recorded as exited", inclusion, [["1628", false]], "not_eligible"],
    ["exclusion, nothing recorded", exclusion, [], "eligible"],
    ["exclusion, recorded as entered", exclusion, [["1628", true]], "not_eligible"],
    ["exclusion, recorded as exited", exclusion, [["1628", false]], "eligible"],
    ["another segment recorded", inclusion, [["2001", false]], "eligible"],
  ] as const)("%s", (_name, rule, entries, expected) => {
    expect(listedSegmentEligibility(rule, recorded(entries.map(([id, member]) => [id, member])))).toBe(
      expected,
    );
  });
});
