import type { CommunityBlock } from "./alida-consistency.ts";

// What a member's activity card needs to know about the Alida survey or forum it leads to.

/** Alida's `activityType`, as far as a member's wording needs it. */
export type CommunityKind = "survey" | "forum" | "activity";

/**
 * `checked: false`: Alida could not be asked (down, slow, not configured). The activity is then
 * offered on CrowdTwist's word, and the card says the community could not be checked.
 */
export type MemberCommunity =
  | { checked: true; kind: CommunityKind; blocks: CommunityBlock[] }
  | { checked: false };

export function communityKind(activityType: string | null | undefined): CommunityKind {
  const type = activityType?.toLowerCase() ?? "";
  if (type.includes("survey")) return "survey";
  if (type === "forum") return "forum";
  return "activity";
}
