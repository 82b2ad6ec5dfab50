import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { LivePushMemberIds } from "@portal/crowdtwist/live-push-feed-values";
import { normaliseMemberId } from "../member/member-id.ts";

// A pushed message belongs to the member whose session holds the same CrowdTwist user id. Sessions
// store the id of the configured `id_type` (CROWDTWIST_ID_TYPE), so a message is keyed by the field
// that carries that same id: the profile's names, which every feed's schema reads its ids into
// (the snake_case feeds spell them their own way; see docs/decisions/0030).

const FIELD_FOR: Record<CrowdTwistIdType, keyof LivePushMemberIds> = {
  id: "id",
  email: "emailAddress",
  third_party_id: "thirdPartyId",
  username: "userName",
  mobile_phone_number: "mobilePhoneNumber",
  facebook_user_id: "facebookUserId",
  twitter_user_id: "twitterUserId",
};

/** How the snake_case feeds (Points Expiration, User Segmentation) name the same ids. */
const SNAKE_FIELD_FOR: Record<CrowdTwistIdType, string> = {
  id: "user_id",
  email: "email_address",
  third_party_id: "third_party_id",
  username: "username",
  mobile_phone_number: "mobile_phone_number",
  facebook_user_id: "facebook_user_id",
  twitter_user_id: "twitter_user_id",
};

/** The field that holds the configured id, as the sender names it (for error messages). */
export function memberKeyField(idType: CrowdTwistIdType, casing: "camel" | "snake" = "camel"): string {
  return casing === "snake" ? SNAKE_FIELD_FOR[idType] : FIELD_FOR[idType];
}

/** The member key, or `null` when the message has no value for the configured id. */
export function memberKeyOf(ids: LivePushMemberIds, idType: CrowdTwistIdType): string | null {
  const value = ids[FIELD_FOR[idType]];
  return typeof value === "string" && value.trim() !== "" ? normaliseMemberId(value, idType) : null;
}
