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

/**
 * For an activity CrowdTwist listed for the member (it lists segment activities only to those it
 * admits): eligible, unless the member's recorded segment changes (the User Segmentation feed,
 * subscription id → member now) say the member has since left an inclusion segment or entered an
 * exclusion one. A segment with no recorded change keeps CrowdTwist's answer.
 */
export function listedSegmentEligibility(
  rule: SegmentRule | null,
  membership: ReadonlyMap<string, boolean>,
): SegmentEligibility {
  if (rule === null) return "eligible";
  const isMember = membership.get(rule.subscriptionId);
  if (isMember === undefined) return "eligible";
  return (rule.eligibility === "inclusion") === isMember ? "eligible" : "not_eligible";
}
