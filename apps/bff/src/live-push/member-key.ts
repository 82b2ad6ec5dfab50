import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import {
  LIVE_PUSH_ID_FIELD,
  type LivePushMemberIds,
  SNAKE_LIVE_PUSH_ID_FIELD,
} from "@portal/crowdtwist/live-push-feed-values";
import { normaliseMemberId } from "../member/member-id.ts";

// A pushed message belongs to the member whose session holds the same CrowdTwist user id. Sessions
// store the id of the configured `id_type` (CROWDTWIST_ID_TYPE), so a message is keyed by the field
// that carries that same id: the profile's names, which every feed's schema reads its ids into
// (the snake_case feeds spell them their own way; see docs/decisions/0030).

/** The field that holds the configured id, as the sender names it (for error messages). */
export function memberKeyField(idType: CrowdTwistIdType, casing: "camel" | "snake" = "camel"): string {
  return casing === "snake" ? SNAKE_LIVE_PUSH_ID_FIELD[idType] : LIVE_PUSH_ID_FIELD[idType];
}

/** The member key, or `null` when the message has no value for the configured id. */
export function memberKeyOf(ids: LivePushMemberIds, idType: CrowdTwistIdType): string | null {
  const value = ids[LIVE_PUSH_ID_FIELD[idType]];
  return typeof value === "string" && value.trim() !== "" ? normaliseMemberId(value, idType) : null;
}
