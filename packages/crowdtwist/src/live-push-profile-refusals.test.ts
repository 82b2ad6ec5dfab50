import { describe, expect, it } from "vitest";
import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from "./bounded-values.ts";
import { documentedBody, withTierInfo } from "./live-push-documented-body.ts";
import { livePushProfileSchema } from "./live-push-profile.ts";
import { describeSchemaFailure, schemaFailureReason } from "./schema-failure.ts";

// What a Live Push body may not carry, and what is dropped instead of refusing the whole profile
// (docs/decisions/0011). Bodies are written as JSON text where JSON.stringify could not produce
// them (1e400), and always sent through JSON.parse, as the webhook does.

const HUGE_DIGITS = `1${"0".repeat(400)}`;
const parseText = (text: string) => livePushProfileSchema.safeParse(JSON.parse(text));
const parse = (body: unknown) => parseText(JSON.stringify(body));
const bodyWith = (patch: Record<string, unknown>) => ({ ...documentedBody(), ...patch });

function refusal(result: ReturnType<typeof parse>) {
  if (result.success) throw new Error("expected the body to be refused");
  return { where: describeSchemaFailure(result.error), reason: schemaFailureReason(result.error) };
}

describe("Live Push profile: refused bodies", () => {
  it.each([
    // NUL and unpaired surrogates, in any string or key, kept field or not
    ["NUL in a name", bodyWith({ firstName: "Ava\u0000" }), "firstName", "unsafe_text"],
    ["a lone high surrogate", bodyWith({ lastName: "Twist\ud800" }), "lastName", "unsafe_text"],
    ["a lone low surrogate", bodyWith({ userName: "\udc00x" }), "userName", "unsafe_text"],
    ["a reversed pair", bodyWith({ city: "\ude00\ud83d" }), "city", "unsafe_text"],
    [
      "NUL deep in the tier block",
      withTierInfo({ currentLevel: { minValue: 0, maxValue: 9, title: "Gold\u0000" } }),
      "tierInfo.currentLevel.title",
      "unsafe_text",
    ],
    ["NUL in a field we drop", bodyWith({ password: "\u0000" }), "password", "unsafe_text"],
    [
      "a surrogate in an undocumented nested field",
      bodyWith({ extra: { notes: ["fine", "\udfff"] } }),
      "extra.notes[1]",
      "unsafe_text",
    ],
    ["NUL in a key", bodyWith({ extra: { "bad\u0000key": 1 } }), "extra.?", "unsafe_text"],
    // numbers: finite, within ±2^53, not hundreds of digits
    ["a 401-digit total", bodyWith({ totalPoints: HUGE_DIGITS }), "totalPoints", "out_of_range"],
    ["2^53 + 2 points", bodyWith({ redeemablePoints: 2 ** 53 + 2 }), "redeemablePoints", "out_of_range"],
    ["33 digits of text", bodyWith({ totalPoints: "1".repeat(33) }), "totalPoints", "out_of_range"],
    ["a negative huge balance", bodyWith({ totalPoints: -(2 ** 60) }), "totalPoints", "out_of_range"],
    [
      "a huge tier threshold",
      withTierInfo({ scoreNeededToReach: HUGE_DIGITS }),
      "tierInfo.scoreNeededToReach",
      "out_of_range",
    ],
    [
      "a huge level bound",
      withTierInfo({ nextLevel: { minValue: 1e300, maxValue: null, title: "Tier 2" } }),
      "tierInfo.nextLevel.minValue",
      "out_of_range",
    ],
    ["text points", bodyWith({ totalPoints: "lots" }), "totalPoints", "schema"],
    ["an exponent", bodyWith({ totalPoints: "1e3" }), "totalPoints", "schema"],
    // dates: valid, between 1970 and 9999
    [
      "dateLastUpdated past JavaScript's range",
      bodyWith({ dateLastUpdated: 1e13 }),
      "dateLastUpdated",
      "out_of_range",
    ],
    [
      "dateLastUpdated as 20 digits",
      bodyWith({ dateLastUpdated: "9".repeat(20) }),
      "dateLastUpdated",
      "out_of_range",
    ],
    [
      "dateLastUpdated after 9999",
      bodyWith({ dateLastUpdated: 253402300800 }),
      "dateLastUpdated",
      "out_of_range",
    ],
    ["dateLastUpdated before 1970", bodyWith({ dateLastUpdated: -1 }), "dateLastUpdated", "out_of_range"],
    ["fractional epoch seconds", bodyWith({ dateLastUpdated: 1490302144.5 }), "dateLastUpdated", "schema"],
    ["no dateLastUpdated", bodyWith({ dateLastUpdated: undefined }), "dateLastUpdated", "schema"],
    ["a null dateLastUpdated", bodyWith({ dateLastUpdated: null }), "dateLastUpdated", "schema"],
    [
      "a tier date in year 275760",
      withTierInfo({ expirationDate: "+275760-09-13T00:00:00.000Z" }),
      "tierInfo.expirationDate",
      "out_of_range",
    ],
    [
      "a tier date before year 0",
      withTierInfo({ dateAssigned: "-000001-01-01T00:00:00Z" }),
      "tierInfo.dateAssigned",
      "out_of_range",
    ],
    ["a tier date that is no date", withTierInfo({ resetDate: "soon" }), "tierInfo.resetDate", "schema"],
    // the tier block: shown to the member, so refused when it is there but unusable
    [
      "a tier title of kilobytes",
      withTierInfo({ currentLevel: { minValue: 0, maxValue: 9, title: "x".repeat(MAX_TITLE_LENGTH + 1) } }),
      "tierInfo.currentLevel.title",
      "out_of_range",
    ],
    ["a tier block that is text", bodyWith({ tierInfo: "Gold" }), "tierInfo", "schema"],
    ["a level that is a number", withTierInfo({ currentLevel: 7 }), "tierInfo.currentLevel", "schema"],
    ["a body that is no object", "profile", "(root)", "schema"],
  ])("refuses %s, naming %s", (_name, body, where, reason) => {
    const found = refusal(parse(body));
    expect(found.where).toMatch(new RegExp(`^${where.replace(/[.[\]()?]/g, "\\$&")}: `));
    expect(found.reason).toBe(reason);
  });

  it("refuses a JSON number too large for a double (1e400 reads as Infinity)", () => {
    const text = JSON.stringify(documentedBody()).replace('"totalPoints":5200', '"totalPoints":1e400');
    expect(refusal(parseText(text))).toEqual({ where: "totalPoints: out_of_range", reason: "out_of_range" });
  });

  it("never quotes the refused value", () => {
    const { where } = refusal(parse(bodyWith({ totalPoints: HUGE_DIGITS, firstName: "Secret\u0000Name" })));
    expect(where).not.toMatch(/Secret|0{10}/);
  });

  it("finds NUL at the bottom of a body nested 100,000 deep without overflowing the stack", () => {
    const deep = `${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`;
    const text = JSON.stringify(documentedBody()).replace(/}$/, `,"extra":${deep}}`);
    const found = refusal(parseText(text));
    expect(found.reason).toBe("unsafe_text");
    // The path is cut short rather than 100,000 steps long.
    expect(found.where.length).toBeLessThan(100);
  });
});

describe("Live Push profile: what is dropped instead", () => {
  it.each([
    [
      "an event the document does not list",
      withTierInfo({ assignedByEvent: "teleport" }),
      { tierInfo: { assignedByEvent: null, currentLevel: { title: "Tier 1" } } },
    ],
    ["no event", withTierInfo({ assignedByEvent: undefined }), { tierInfo: { assignedByEvent: null } }],
    [
      "an event that is a number",
      withTierInfo({ assignedByEvent: 3 }),
      { tierInfo: { assignedByEvent: null } },
    ],
    ["customData that is not JSON", bodyWith({ customData: "{oops" }), { customData: null }],
    ["a creation date past 9999", bodyWith({ dateCreated: 1e13 }), { dateCreated: null }],
    ["a last login that is text", bodyWith({ dateLastLogin: "yesterday" }), { dateLastLogin: null }],
    ["isActive that is neither", bodyWith({ isActive: "maybe" }), { isActive: null }],
    ["huge monthly points (not shown)", bodyWith({ monthlyPoints: HUGE_DIGITS }), { monthlyPoints: null }],
    ["an email address that is an object", bodyWith({ emailAddress: { at: "x" } }), { emailAddress: null }],
    ["a city that is a list", bodyWith({ city: ["NY"] }), { city: null }],
    ["a first name that is true", bodyWith({ firstName: true }), { firstName: null }],
    ["no id", bodyWith({ id: undefined }), { id: null }],
    ["an id past 2^53 (already rounded by JSON.parse)", bodyWith({ id: 2 ** 53 + 1 }), { id: null }],
    ["an id of kilobytes", bodyWith({ thirdPartyId: "x".repeat(MAX_ID_LENGTH + 1) }), { thirdPartyId: null }],
    ["a blank id", bodyWith({ userName: "   " }), { userName: null }],
    ["an id that is an object", bodyWith({ twitterUserId: { id: 1 } }), { twitterUserId: null }],
    [
      "no points at all",
      bodyWith({ totalPoints: undefined, redeemablePoints: null }),
      { totalPoints: null, redeemablePoints: null },
    ],
    ["a PHP empty map for the tier block", bodyWith({ tierInfo: [] }), { tierInfo: null }],
    ["a tier block without a current level", withTierInfo({ currentLevel: null }), { tierInfo: null }],
    [
      "blank tier dates",
      withTierInfo({ resetDate: "", dateAssigned: "  " }),
      { tierInfo: { resetDate: null, dateAssigned: null } },
    ],
  ])("keeps the profile with %s", (_name, body, expected) => {
    const result = parse(body);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
    // The rest still counts.
    expect(result.data).toMatchObject({ dateLastUpdated: new Date(1490302144 * 1000), lastName: "Twist" });
  });

  it("ignores fields the document does not list, however they look", () => {
    const result = parse(
      bodyWith({ newFeature: { nested: [1, "two", null, { three: 3 }] }, "spaced key": 1 }),
    );
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("newFeature");
  });

  it.each([
    [
      "the largest safe balance",
      { totalPoints: Number.MAX_SAFE_INTEGER },
      { totalPoints: Number.MAX_SAFE_INTEGER },
    ],
    ["a negative balance", { redeemablePoints: "-25" }, { redeemablePoints: -25 }],
    ["32 digits of text", { totalPoints: `${"0".repeat(31)}7` }, { totalPoints: 7 }],
    ["the first second of 1970", { dateLastUpdated: 0 }, { dateLastUpdated: new Date(0) }],
    [
      "the last second of 9999",
      { dateLastUpdated: "253402300799" },
      { dateLastUpdated: new Date("9999-12-31T23:59:59Z") },
    ],
    ["a surrogate pair (an emoji)", { firstName: "Ava 🎉" }, { firstName: "Ava 🎉" }],
    [
      "an id at the length limit",
      { thirdPartyId: "x".repeat(MAX_ID_LENGTH) },
      { thirdPartyId: "x".repeat(MAX_ID_LENGTH) },
    ],
  ])("accepts %s", (_name, patch, expected) => {
    const result = parse(bodyWith(patch));
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
  });

  it("accepts a tier title at the length limit", () => {
    const title = "T".repeat(MAX_TITLE_LENGTH);
    const result = parse(withTierInfo({ currentLevel: { minValue: 0, maxValue: null, title } }));
    expect(result.data?.tierInfo?.currentLevel.title).toBe(title);
  });
});
