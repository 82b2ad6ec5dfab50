import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import { describe, expect, it } from "vitest";
import { type MemberIdFromClaims, memberIdFromClaims } from "./member-id-claim.ts";

const ok = (memberId: string): MemberIdFromClaims => ({ ok: true, memberId });
const refused = (reason: string) => ({ ok: false, reason });

describe("memberIdFromClaims", () => {
  it.each([
    ["the subject, by default", { sub: "ava" }, "sub", "third_party_id", ok("ava")],
    ["another claim", { sub: "x1", crm_id: " CRM-7 " }, "crm_id", "third_party_id", ok("CRM-7")],
    ["a numeric claim as its digits", { sub: "x1", ct_id: 6566 }, "ct_id", "id", ok("6566")],
    [
      "a verified email, in lower case",
      { sub: "x1", email: " Ava@Example.COM ", email_verified: true },
      "email",
      "email",
      ok("ava@example.com"),
    ],
    [
      "an email the provider says nothing about verifying",
      { sub: "x1", email: "ava@example.com" },
      "email",
      "email",
      ok("ava@example.com"),
    ],
    ["a subject that is an email", { sub: "Ava@Example.com" }, "sub", "email", ok("ava@example.com")],
    // Refused, never guessed from `sub`: another claim missing must not map to whoever `sub` names.
    ["a missing claim", { sub: "ava" }, "email", "email", refused("missing_claim")],
    ["a blank claim", { sub: "ava", crm_id: "  " }, "crm_id", "third_party_id", refused("missing_claim")],
    ["a null claim", { sub: "ava", email: null }, "email", "email", refused("missing_claim")],
    [
      "an object claim",
      { sub: "ava", crm_id: { id: 1 } },
      "crm_id",
      "third_party_id",
      refused("missing_claim"),
    ],
    ["a boolean claim", { sub: "ava", crm_id: true }, "crm_id", "third_party_id", refused("missing_claim")],
    ["a fractional number", { sub: "ava", ct_id: 1.5 }, "ct_id", "id", refused("missing_claim")],
    ["a negative number", { sub: "ava", ct_id: -1 }, "ct_id", "id", refused("missing_claim")],
    ["an unsafe integer", { sub: "ava", ct_id: 2 ** 60 }, "ct_id", "id", refused("missing_claim")],
    ["a subject that is not an email", { sub: "ava" }, "sub", "email", refused("not_an_email")],
    [
      "an address with a space",
      { sub: "x", email: "a va@example.com" },
      "email",
      "email",
      refused("not_an_email"),
    ],
    ["two @", { sub: "x", email: "a@b@example.com" }, "email", "email", refused("not_an_email")],
    [
      "an unverified email",
      { sub: "x1", email: "ava@example.com", email_verified: false },
      "email",
      "email",
      refused("email_unverified"),
    ],
    [
      'an unverified email, said as "false"',
      { sub: "x1", email: "ava@example.com", email_verified: "false" },
      "email",
      "email",
      refused("email_unverified"),
    ],
    [
      "the same unverified address carried by another claim",
      { sub: "AVA@example.com", email: "ava@EXAMPLE.com", email_verified: false },
      "sub",
      "email",
      refused("email_unverified"),
    ],
    [
      "the unverified address as a third-party id",
      { sub: "x1", email: "ava@example.com", email_verified: false },
      "email",
      "third_party_id",
      refused("email_unverified"),
    ],
    [
      "an unverified email that is not the id in use",
      { sub: "ava", email: "ava@example.com", email_verified: false },
      "sub",
      "third_party_id",
      ok("ava"),
    ],
  ] as const)("%s", (_name, claims, claim, idType, expected) => {
    expect(memberIdFromClaims(claims, claim, idType)).toEqual(expected);
  });

  it.each(CROWDTWIST_ID_TYPES.filter((type) => type !== "email"))(
    "keeps the case of a %s (only email addresses are folded)",
    (idType) => {
      expect(memberIdFromClaims({ sub: "AbC123" }, "sub", idType)).toEqual(ok("AbC123"));
    },
  );
});
