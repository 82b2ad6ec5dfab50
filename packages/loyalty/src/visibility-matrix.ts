import { type Program, type ProgramTier, rankedTiers, tierById } from "./program.ts";
import { type SegmentRule, segmentEligibility } from "./segment.ts";
import { type PreviewVisibility, type TierRule, visibilityForTier } from "./visibility.ts";

// The manager preview's grid: for every tier (columns) and every kind of member the segment rule
// separates (rows), how the activity appears.

export type Audience = "everyone" | "in_segment" | "out_of_segment";

export interface VisibilityCell {
  tier: ProgramTier;
  visibility: PreviewVisibility;
}

export interface VisibilityMatrixRow {
  audience: Audience;
  cells: VisibilityCell[];
}

export interface VisibilityMatrix {
  /** Lowest to highest. */
  tiers: ProgramTier[];
  /** The rule names a `minTierId` the program config does not list. */
  unknownTier: boolean;
  /** One `everyone` row without a segment rule; `in_segment` then `out_of_segment` with one. */
  rows: VisibilityMatrixRow[];
}

export function visibilityMatrix(
  program: Program,
  rule: TierRule,
  segment?: SegmentRule | null,
): VisibilityMatrix {
  const tiers = rankedTiers(program);
  const byTier = tiers.map((tier) => ({ tier, visibility: visibilityForTier(program, tier.id, rule) }));
  const unknownTier = rule.minTierId !== null && tierById(program, rule.minTierId) === null;
  if (!segment) return { tiers, unknownTier, rows: [{ audience: "everyone", cells: byTier }] };

  // A segment the member is not eligible for hides the activity whatever their tier, so the segment
  // is the reason a manager needs to see.
  const row = (audience: Audience, memberSegments: string[]): VisibilityMatrixRow => {
    const eligible = segmentEligibility(segment, memberSegments) === "eligible";
    return {
      audience,
      cells: byTier.map(({ tier, visibility }) => ({
        tier,
        visibility: eligible
          ? visibility
          : { state: "hidden", reason: "segment", unknownTier: visibility.unknownTier },
      })),
    };
  };
  return {
    tiers,
    unknownTier,
    rows: [row("in_segment", [segment.subscriptionId]), row("out_of_segment", [])],
  };
}
