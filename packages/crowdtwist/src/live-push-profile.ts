import { z } from "zod";
import {
  ctBoolean,
  ctDecimal,
  ctEpochSeconds,
  ctEpochSecondsOrNull,
  ctId,
  ctJsonObjectOrNull,
  ctTextOrNull,
} from "./coerce.ts";
import { type TierInfo, tierInfoSchema } from "./live-push-tier-info.ts";

// The body CrowdTwist POSTs to our webhook whenever a member's profile changes. It carries far more
// than a portal needs, including secrets (password, salt, hashAlgorithmId) and the member's IP
// address. Only the fields below survive parsing: zod drops every key the schema does not name, so
// the secrets never reach the output type, a log line or the database.

export interface LivePushProfile {
  /** CrowdTwist's internal user id. */
  id: string;
  thirdPartyId: string | null;
  userName: string | null;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  fanLevelName: string | null;
  totalPoints: number;
  redeemablePoints: number;
  monthlyPoints: number | null;
  weeklyPoints: number | null;
  /** Orders pushes: an older one must never overwrite a newer one. */
  dateLastUpdated: Date;
  dateCreated: Date | null;
  dateLastLogin: Date | null;
  isActive: boolean;
  mobilePhoneNumber: string | null;
  facebookUserId: string | null;
  twitterUserId: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postalCode: string | null;
  customData: Record<string, unknown> | null;
  /** `null` for a program without tiers. */
  tierInfo: TierInfo | null;
}

export const livePushProfileSchema = z
  .object({
    id: ctId,
    thirdPartyId: ctTextOrNull,
    userName: ctTextOrNull,
    emailAddress: ctTextOrNull,
    firstName: ctTextOrNull,
    lastName: ctTextOrNull,
    fanLevelName: ctTextOrNull,
    totalPoints: ctDecimal,
    redeemablePoints: ctDecimal,
    monthlyPoints: ctDecimal.nullish(),
    weeklyPoints: ctDecimal.nullish(),
    dateLastUpdated: ctEpochSeconds,
    dateCreated: ctEpochSecondsOrNull,
    dateLastLogin: ctEpochSecondsOrNull,
    isActive: ctBoolean,
    mobilePhoneNumber: ctTextOrNull,
    facebookUserId: ctTextOrNull,
    twitterUserId: ctTextOrNull,
    city: ctTextOrNull,
    state: ctTextOrNull,
    country: ctTextOrNull,
    postalCode: ctTextOrNull,
    customData: ctJsonObjectOrNull,
    tierInfo: tierInfoSchema.nullish(),
  })
  .transform(
    (raw): LivePushProfile => ({
      id: raw.id,
      thirdPartyId: raw.thirdPartyId,
      userName: raw.userName,
      emailAddress: raw.emailAddress,
      firstName: raw.firstName,
      lastName: raw.lastName,
      fanLevelName: raw.fanLevelName,
      totalPoints: raw.totalPoints,
      redeemablePoints: raw.redeemablePoints,
      monthlyPoints: raw.monthlyPoints ?? null,
      weeklyPoints: raw.weeklyPoints ?? null,
      dateLastUpdated: raw.dateLastUpdated,
      dateCreated: raw.dateCreated,
      dateLastLogin: raw.dateLastLogin,
      isActive: raw.isActive,
      mobilePhoneNumber: raw.mobilePhoneNumber,
      facebookUserId: raw.facebookUserId,
      twitterUserId: raw.twitterUserId,
      city: raw.city,
      state: raw.state,
      country: raw.country,
      postalCode: raw.postalCode,
      customData: raw.customData,
      tierInfo: raw.tierInfo ?? null,
    }),
  );
