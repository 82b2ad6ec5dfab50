import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { normaliseMemberId } from "../member/member-id.ts";

// Which CrowdTwist member a sign-in is: the configured ID token claim (CROWDTWIST_ID_CLAIM, default
// `sub`) read as the configured id type (CROWDTWIST_ID_TYPE). A sign-in that cannot name its member
// is refused rather than guessed: falling back to `sub` would show one person another's points
// whenever the two kinds of id happen to coincide.

export type MemberIdRefusal = "missing_claim" | "not_an_email" | "email_unverified";
export type MemberIdFromClaims = { ok: true; memberId: string } | { ok: false; reason: MemberIdRefusal };

// What an address needs before it is sent as `user_id`: one @, something either side, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** A claim's value as an id: text, or a whole number (some providers send numeric ids as numbers). */
function claimText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

// OIDC Core §5.1: `email_verified` is a boolean; a few providers send the text "false".
const saysUnverified = (value: unknown) => value === false || value === "false";

export function memberIdFromClaims(
  claims: Readonly<Record<string, unknown>>,
  claim: string,
  idType: CrowdTwistIdType,
): MemberIdFromClaims {
  const text = claimText(claims[claim]);
  if (text === null) return { ok: false, reason: "missing_claim" };
  const memberId = normaliseMemberId(text, idType);
  if (idType === "email" && !EMAIL_SHAPE.test(memberId)) return { ok: false, reason: "not_an_email" };
  // The provider's word on the address counts whichever claim or id type carries it: an unverified
  // address is anyone's to type in, and mapping by it would hand them that member's account.
  const email = claimText(claims.email);
  const isTheEmail =
    claim === "email" || (email !== null && normaliseMemberId(email, "email") === memberId.toLowerCase());
  if (isTheEmail && saysUnverified(claims.email_verified)) {
    return { ok: false, reason: "email_unverified" };
  }
  return { ok: true, memberId };
}
