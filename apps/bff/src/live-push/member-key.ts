import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { LivePushProfile } from "@portal/crowdtwist/live-push-profile";
import { normaliseMemberId } from "../member/member-id.ts";

// A pushed profile belongs to the member whose session holds the same CrowdTwist user id. Sessions
// store the id of the configured `id_type` (CROWDTWIST_ID_TYPE), so the profile is keyed by the field
// that carries that same id.

const FIELD_FOR: Record<CrowdTwistIdType, keyof LivePushProfile> = {
  id: "id",
  email: "emailAddress",
  third_party_id: "thirdPartyId",
  username: "userName",
  mobile_phone_number: "mobilePhoneNumber",
  facebook_user_id: "facebookUserId",
  twitter_user_id: "twitterUserId",
};

/** The profile field that holds the configured id, as the sender names it (for error messages). */
export function memberKeyField(idType: CrowdTwistIdType): string {
  return FIELD_FOR[idType];
}

/** The member key, or `null` when the profile has no value for the configured id. */
export function memberKeyOf(profile: LivePushProfile, idType: CrowdTwistIdType): string | null {
  const value = profile[FIELD_FOR[idType]];
  return typeof value === "string" && value.trim() !== "" ? normaliseMemberId(value, idType) : null;
}
