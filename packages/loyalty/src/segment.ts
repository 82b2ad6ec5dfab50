// Whether a member may see an activity restricted to (or away from) a CrowdTwist segment.

/** Structurally the crowdtwist client's `ActivitySegment`; the name is not needed to decide. */
export interface SegmentRule {
  subscriptionId: string;
  eligibility: "inclusion" | "exclusion";
}

/** Structurally the crowdtwist client's `ActivitySegment`, for when a member must be told its name. */
export interface NamedSegmentRule extends SegmentRule {
  name: string;
}

export type SegmentEligibility = "eligible" | "not_eligible" | "unknown";

/**
 * `rule` null means the activity is for everyone. `memberSegments` null means we do not know the
 * member's segments (CrowdTwist has no endpoint for them in our documents), which is "unknown"
 * rather than a guess either way.
 */
export function segmentEligibility(
  rule: SegmentRule | null,
  memberSegments: readonly string[] | null,
): SegmentEligibility {
  if (rule === null) return "eligible";
  if (memberSegments === null) return "unknown";
  const isMember = memberSegments.includes(rule.subscriptionId);
  const eligible = rule.eligibility === "inclusion" ? isMember : !isMember;
  return eligible ? "eligible" : "not_eligible";
}
