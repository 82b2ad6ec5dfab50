import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";

// What a member id typed into the manager's preview may look like, before it reaches the audit log
// (Postgres refuses a NUL in text) or a CrowdTwist URL path (where "." and ".." are dot segments that
// no encoding makes safe). The `user_id` of GET /v2/users/{user_id}/activities is one of the member's
// ids, chosen by `id_type`: numbers for CrowdTwist's own id and the social network ids, digits for a
// phone number, and client-defined text for third-party ids and usernames, which are left free apart
// from what can never be an id. The message says what to fix and follows the field's name.

/** Long enough for any of them; an email address, the longest kind of id CrowdTwist takes, stops at 254. */
export const MAX_MEMBER_ID_LENGTH = 254;

const CONTROL = /\p{Cc}/u;
// Zero-width, direction-changing and line-separating characters: invisible in the audit log, where
// they could make one id read as another.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Shape rules per id type, for the types whose ids have a known shape. */
const SHAPES: Partial<Record<CrowdTwistIdType, { pattern: RegExp; problem: string }>> = {
  id: {
    pattern: /^\d{1,20}$/,
    problem: "a CrowdTwist id is the member's number in CrowdTwist, digits only, e.g. 6566",
  },
  facebook_user_id: {
    pattern: /^\d{1,30}$/,
    problem: "a Facebook user id is the account's number, digits only, e.g. 100000000000101",
  },
  twitter_user_id: {
    pattern: /^\d{1,30}$/,
    problem: "a Twitter user id is the account's number, not its @handle: digits only, e.g. 90000101",
  },
  mobile_phone_number: {
    pattern: /^\+?\d{3,15}$/,
    problem:
      "a mobile phone number is its digits with the country code, without spaces, dashes or brackets, e.g. 12125550101",
  },
  // CrowdTwist's documents list email addresses among the ids `user_id` can be.
  email: {
    pattern: /^[^\s@]+@[^\s@]+$/,
    problem: "an email address looks like name@example.com",
  },
};

/**
 * Why `userId` cannot be a member id of `idType` ("is empty; …", to follow the field's name), or null
 * when it can. `userId` is already trimmed.
 */
export function memberIdProblem(idType: CrowdTwistIdType, userId: string): string | null {
  if (userId === "") return "is empty; name the member to preview";
  if (!userId.isWellFormed())
    return "contains a broken character (half of a surrogate pair); type the id again";
  const control = CONTROL.exec(userId)?.[0];
  if (control !== undefined) {
    return `contains a control character (${codePoint(control)}); remove it: member ids are printable text`;
  }
  const invisible = INVISIBLE.exec(userId)?.[0];
  if (invisible !== undefined) {
    return `contains an invisible character (${codePoint(invisible)}); remove it (it often comes with a copy and paste)`;
  }
  if (userId.length > MAX_MEMBER_ID_LENGTH) {
    return `is ${userId.length} characters long; a member id has at most ${MAX_MEMBER_ID_LENGTH}`;
  }
  if (userId === "." || userId === "..") return `cannot be "${userId}"; enter the member's id`;
  if (/[/\\]/.test(userId))
    return "cannot contain / or \\; enter the member's id alone, not a path or a link";
  const shape = SHAPES[idType];
  if (shape && !shape.pattern.test(userId)) return `does not fit the id type ${idType}: ${shape.problem}`;
  return null;
}
