import { z } from "zod";
import {
  boundedDecimalOrNull,
  epochSecondsInRange,
  epochSecondsInRangeOrNull,
  idOrNull,
} from "./bounded-values.ts";
import { ctBoolean, ctJsonObjectOrNull, ctTextOrNull } from "./coerce.ts";
import { type TierInfo, tierInfoSchema } from "./live-push-tier-info.ts";
import { refuseUnstorableText } from "./unstorable-text.ts";

// The body CrowdTwist POSTs to our webhook whenever a member's profile changes. It carries far more
// than a portal needs, including secrets (password, salt, hashAlgorithmId) and the member's IP
// address. Only the fields below survive parsing: zod drops every key the schema does not name, so
// the secrets never reach the output type, a log line or the database.
//
// The document marks no field as required. What a body must have, per field (docs/decisions/0011):
// - refused when absent or unusable: `dateLastUpdated`, which orders pushes;
// - refused when present but unusable, `null` when absent: the points balances and the tier block,
//   which the member is shown (a number past 2^53 or a date past 9999 would be shown as fact);
// - `null` when absent or unusable, the rest kept: every other field. The ids among them are
//   checked by the receiver, which alone knows which id keys its members.
// And anywhere in the body, in any field or key: no NUL and no unpaired surrogate.

export interface LivePushProfile {
  /** CrowdTwist's internal user id. */
  id: string | null;
  thirdPartyId: string | null;
  userName: string | null;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  fanLevelName: string | null;
  totalPoints: number | null;
  redeemablePoints: number | null;
  monthlyPoints: number | null;
  weeklyPoints: number | null;
  /** Orders pushes: an older one must never overwrite a newer one. */
  dateLastUpdated: Date;
  dateCreated: Date | null;
  dateLastLogin: Date | null;
  isActive: boolean | null;
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

/** Never fails: a value that cannot be used is dropped. */
const lenientText = ctTextOrNull.catch(null);

const profileObject = z
  .object({
    id: idOrNull,
    thirdPartyId: idOrNull,
    userName: idOrNull,
    emailAddress: idOrNull,
    firstName: lenientText,
    lastName: lenientText,
    fanLevelName: lenientText,
    totalPoints: boundedDecimalOrNull,
    redeemablePoints: boundedDecimalOrNull,
    monthlyPoints: boundedDecimalOrNull.catch(null),
    weeklyPoints: boundedDecimalOrNull.catch(null),
    dateLastUpdated: epochSecondsInRange,
    dateCreated: epochSecondsInRangeOrNull.catch(null),
    dateLastLogin: epochSecondsInRangeOrNull.catch(null),
    isActive: ctBoolean.nullable().catch(null),
    mobilePhoneNumber: idOrNull,
    facebookUserId: idOrNull,
    twitterUserId: idOrNull,
    city: lenientText,
    state: lenientText,
    country: lenientText,
    postalCode: lenientText,
    customData: ctJsonObjectOrNull.catch(null),
    tierInfo: tierInfoSchema,
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
      monthlyPoints: raw.monthlyPoints,
      weeklyPoints: raw.weeklyPoints,
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
      tierInfo: raw.tierInfo,
    }),
  );

/** The whole body is checked for unstorable text first; only a clean body is parsed. */
export const livePushProfileSchema = z.unknown().superRefine(refuseUnstorableText).pipe(profileObject);
