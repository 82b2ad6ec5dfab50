import { CROWDTWIST_ID_TYPES, type CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { describe, expect, it } from "vitest";
import { MAX_MEMBER_ID_LENGTH, memberIdProblem } from "./member-id-problem.ts";

describe("memberIdProblem", () => {
  it.each<[CrowdTwistIdType, string]>([
    ["id", "6566"],
    ["third_party_id", "ava"],
    ["third_party_id", "CRM-000123"],
    ["third_party_id", "user.name+tag@example.com"],
    ["third_party_id", "..."],
    ["third_party_id", "a b"],
    ["third_party_id", "%2e%2e"],
    ["username", "O'Brien"],
    ["username", "名前"],
    ["username", "gtwist12"],
    ["facebook_user_id", "100000000000101"],
    ["twitter_user_id", "90000101"],
    ["mobile_phone_number", "12125550101"],
    ["mobile_phone_number", "+442071838750"],
    ["email", "alice@crowdtwist.com"],
    ["third_party_id", "x".repeat(MAX_MEMBER_ID_LENGTH)],
  ])("accepts %s %j", (idType, userId) => {
    expect(memberIdProblem(idType, userId)).toBeNull();
  });

  it.each<[CrowdTwistIdType, string, string]>([
    ["third_party_id", "", "is empty"],
    ["third_party_id", "ava\u0000", "control character (U+0000)"],
    ["third_party_id", "\u0000", "control character (U+0000)"],
    ["third_party_id", "a\u0007b", "control character (U+0007)"],
    ["third_party_id", "a\u001bb", "control character (U+001B)"],
    ["third_party_id", "a\nb", "control character (U+000A)"],
    ["third_party_id", "a\u007fb", "control character (U+007F)"],
    ["third_party_id", "a\u0085b", "control character (U+0085)"],
    ["third_party_id", "a\u009fb", "control character (U+009F)"],
    ["third_party_id", "a\u200bb", "invisible character (U+200B)"],
    ["third_party_id", "\u202eava", "invisible character (U+202E)"],
    ["third_party_id", "a\u2028b", "invisible character (U+2028)"],
    ["third_party_id", "a\ufeff", "invisible character (U+FEFF)"],
    ["third_party_id", "a\ud800", "broken character"],
    ["third_party_id", "\udc00a", "broken character"],
    ["third_party_id", ".", 'cannot be "."'],
    ["username", "..", 'cannot be ".."'],
    ["third_party_id", "/", "cannot contain /"],
    ["third_party_id", "../admin", "cannot contain /"],
    ["third_party_id", "a\\b", "cannot contain /"],
    ["third_party_id", "x".repeat(MAX_MEMBER_ID_LENGTH + 1), `at most ${MAX_MEMBER_ID_LENGTH}`],
    ["id", "ava", "digits only"],
    ["id", "-1", "digits only"],
    ["id", "6566 ", "digits only"],
    ["id", "1".repeat(21), "digits only"],
    ["twitter_user_id", "@ava", "not its @handle"],
    ["facebook_user_id", "ava.lindqvist", "digits only"],
    ["mobile_phone_number", "+1 (212) 555-0101", "without spaces, dashes or brackets"],
    ["email", "ava", "name@example.com"],
  ])("refuses %s %j, saying what to fix", (idType, userId, says) => {
    expect(memberIdProblem(idType, userId)).toContain(says);
  });

  it("refuses a control character whatever the id type", () => {
    for (const idType of CROWDTWIST_ID_TYPES) expect(memberIdProblem(idType, "\u0000")).toContain("control");
  });
});
