import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";

// One spelling of a member's CrowdTwist id for everything that keys a member by it: the session (from
// the identity provider's claim), the activities cache and CrowdTwist's `user_id`, and the Live Push
// profile's matching field. If two sides spelled one member differently, the live updates would
// never reach the member's tabs.

/**
 * Trimmed; an email address in lower case, so that the identity provider's "Ava@Example.com" and
 * CrowdTwist's "ava@example.com" are one member (providers and CrowdTwist both treat the address as
 * case-insensitive in practice, whatever RFC 5321 allows the local part).
 */
export function normaliseMemberId(value: string, idType: CrowdTwistIdType): string {
  const trimmed = value.trim();
  return idType === "email" ? trimmed.toLowerCase() : trimmed;
}
