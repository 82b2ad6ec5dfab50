// The `id_type` values `GET /v2/users/{user_id}/activities` documents: which of the member's ids
// `user_id` is. CrowdTwist treats a missing `id_type` as `id` (its internal id).

export const CROWDTWIST_ID_TYPES = [
  "id",
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
