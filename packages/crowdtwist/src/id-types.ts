// The `id_type` values `GET /v2/users/{user_id}/activities` documents: which of the member's ids
// `user_id` is. CrowdTwist treats a missing `id_type` as `id` (its internal id).
//
// The document's `user_id` may be an "Email Address" (its sample is alice@crowdtwist.com), yet its
// `id_type` list names every other kind of id and none for email; `email` is the one value that
// pairs with it as the others pair with theirs (Twitter User ID ↔ twitter_user_id). See ADR 0020.

export const CROWDTWIST_ID_TYPES = [
  "id",
  "email",
  "third_party_id",
  "username",
  "facebook_user_id",
  "twitter_user_id",
  "mobile_phone_number",
] as const;
export type CrowdTwistIdType = (typeof CROWDTWIST_ID_TYPES)[number];

export function isCrowdTwistIdType(value: string): value is CrowdTwistIdType {
  return (CROWDTWIST_ID_TYPES as readonly string[]).includes(value);
}
