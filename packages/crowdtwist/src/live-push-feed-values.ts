import { z } from "zod";
import { EARLIEST_DATE, idOrNull, LATEST_DATE } from "./bounded-values.ts";
import type { CrowdTwistIdType } from "./id-types.ts";
import { parseUtcDate } from "./utc-date.ts";

// What the Data Push feeds beyond the profile share: the member's ids, instants sent either as epoch
// seconds or as ISO 8601, ids as text or whole numbers, and titles. Issue messages never echo the
// value (they end up in logs and answers, and the data may be personal). See docs/decisions/0030.

/**
 * The member's ids as the profile feed names them (the receiver keys members by one of them, as it
 * keys profiles: CROWDTWIST_ID_TYPE). `null` where the message did not carry that id.
 */
export interface LivePushMemberIds {
  /** CrowdTwist's internal user id. */
  id: string | null;
  emailAddress: string | null;
  thirdPartyId: string | null;
  userName: string | null;
  mobilePhoneNumber: string | null;
  facebookUserId: string | null;
  twitterUserId: string | null;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function refuse(ctx: Ctx, input: unknown, message: string, reason?: "out_of_range"): typeof z.NEVER {
  ctx.issues.push({ code: "custom", message, input, ...(reason ? { params: { reason } } : {}) });
  return z.NEVER;
}

const EPOCH_SECONDS = /^\d{1,12}$/;
/**
 * ISO 8601's calendar date, with a time and a zone or not. Anything else `new Date` would still read
 * ("07/27/2022 18:29", "July 27, 2022") it reads in the server's own zone: the same message would
 * mean other instants on other servers, so it is refused rather than guessed.
 */
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An instant: epoch seconds (a JSON integer or integer text, as the batch feeds and `orderDate`'s
 * sample send it) or ISO 8601 text (zone-less read as UTC), between 1970 and 9999.
 */
export const feedInstant = z.unknown().transform((value, ctx): Date => {
  let date: Date;
  if (typeof value === "number" || (typeof value === "string" && EPOCH_SECONDS.test(value.trim()))) {
    const seconds = Number(value);
    if (!Number.isSafeInteger(seconds))
      return refuse(ctx, value, "expected whole epoch seconds", "out_of_range");
    date = new Date(seconds * 1000);
  } else if (typeof value === "string" && value.trim() !== "") {
    if (!ISO_8601.test(value.trim())) return refuse(ctx, value, "expected an ISO 8601 timestamp");
    date = parseUtcDate(value);
    if (Number.isNaN(date.getTime())) return refuse(ctx, value, "expected an ISO 8601 timestamp");
  } else {
    ctx.issues.push({ code: "invalid_type", expected: "string", input: value });
    return z.NEVER;
  }
  const time = date.getTime();
  if (Number.isNaN(time) || time < EARLIEST_DATE.getTime() || time > LATEST_DATE.getTime())
    return refuse(ctx, value, "date out of range", "out_of_range");
  return date;
});
export const feedInstantOrNull = feedInstant.nullish().transform((value) => value ?? null);

/** The longest id a feed's key may be: it is a primary key (a btree row), as member ids are. */
export const MAX_FEED_ID_LENGTH = 256;

/** A required id (text or a whole number within 2^53); blank, too long or rounded by JSON.parse is refused. */
export const feedId = z.unknown().transform((value, ctx): string => {
  if (value === undefined || value === null) {
    ctx.issues.push({ code: "invalid_type", expected: "string", input: value });
    return z.NEVER;
  }
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return String(value);
    return refuse(ctx, value, "id out of range", "out_of_range");
  }
  if (typeof value !== "string") {
    ctx.issues.push({ code: "invalid_type", expected: "string", input: value });
    return z.NEVER;
  }
  const text = value.trim();
  if (text === "") return refuse(ctx, value, "id is blank");
  if (text.length > MAX_FEED_ID_LENGTH) return refuse(ctx, value, "id too long", "out_of_range");
  return text;
});

/** Titles are shown, not keyed: a longer one than any screen shows is cut rather than refused. */
export const MAX_FEED_TITLE_LENGTH = 500;
export const feedTitleOrNull = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    if (typeof value !== "string" && typeof value !== "number") return null;
    const text = String(value).trim();
    return text === "" ? null : text.slice(0, MAX_FEED_TITLE_LENGTH);
  });

/** The member ids of a camelCase feed (User Activity, User Redemption): the profile's own names. */
export const camelMemberIds = {
  userId: idOrNull,
  id: idOrNull,
  emailAddress: idOrNull,
  thirdPartyId: idOrNull,
  userName: idOrNull,
  mobilePhoneNumber: idOrNull,
  facebookUserId: idOrNull,
  twitterUserId: idOrNull,
};

export function fromCamelIds(raw: { [K in keyof typeof camelMemberIds]: string | null }): LivePushMemberIds {
  return {
    // `userId` where a feed names CrowdTwist's id so; the profile calls it `id`.
    id: raw.userId ?? raw.id,
    emailAddress: raw.emailAddress,
    thirdPartyId: raw.thirdPartyId,
    userName: raw.userName,
    mobilePhoneNumber: raw.mobilePhoneNumber,
    facebookUserId: raw.facebookUserId,
    twitterUserId: raw.twitterUserId,
  };
}

/** The member ids of a snake_case feed (Points Expiration, User Segmentation). */
export const snakeMemberIds = {
  user_id: idOrNull,
  email_address: idOrNull,
  third_party_id: idOrNull,
  username: idOrNull,
  user_name: idOrNull,
  mobile_phone_number: idOrNull,
  facebook_user_id: idOrNull,
  twitter_user_id: idOrNull,
};

export function fromSnakeIds(raw: { [K in keyof typeof snakeMemberIds]: string | null }): LivePushMemberIds {
  return {
    id: raw.user_id,
    emailAddress: raw.email_address,
    thirdPartyId: raw.third_party_id,
    userName: raw.username ?? raw.user_name,
    mobilePhoneNumber: raw.mobile_phone_number,
    facebookUserId: raw.facebook_user_id,
    twitterUserId: raw.twitter_user_id,
  };
}

/** Which of the member's ids holds the id of each `id_type` (the profile's names). */
export const LIVE_PUSH_ID_FIELD: Readonly<Record<CrowdTwistIdType, keyof LivePushMemberIds>> = {
  id: "id",
  email: "emailAddress",
  third_party_id: "thirdPartyId",
  username: "userName",
  mobile_phone_number: "mobilePhoneNumber",
  facebook_user_id: "facebookUserId",
  twitter_user_id: "twitterUserId",
};

/** How the snake_case feeds (Points Expiration, User Segmentation) name the same ids. */
export const SNAKE_LIVE_PUSH_ID_FIELD: Readonly<Record<CrowdTwistIdType, keyof typeof snakeMemberIds>> = {
  id: "user_id",
  email: "email_address",
  third_party_id: "third_party_id",
  username: "username",
  mobile_phone_number: "mobile_phone_number",
  facebook_user_id: "facebook_user_id",
  twitter_user_id: "twitter_user_id",
};
