import { describe, expect, it } from "vitest";
import { documentedBody, withTierInfo } from "./live-push-documented-body.ts";
import { livePushProfileSchema } from "./live-push-profile.ts";

describe("Live Push profile schema", () => {
  it("parses the documented body into the fields a portal shows", () => {
    expect(livePushProfileSchema.parse(documentedBody())).toEqual({
      id: "6566",
      thirdPartyId: null,
      userName: "gtwist12",
      emailAddress: null,
      firstName: "George",
      lastName: "Twist",
      fanLevelName: "Tier 1",
      totalPoints: 5200,
      redeemablePoints: 5200,
      monthlyPoints: 0,
      weeklyPoints: 0,
      dateLastUpdated: new Date(1490302144 * 1000),
      dateCreated: new Date(1490293725 * 1000),
      dateLastLogin: new Date(1490290125 * 1000),
      isActive: true,
      mobilePhoneNumber: "12312312321",
      facebookUserId: null,
      twitterUserId: null,
      city: "New York City",
      state: "NY",
      country: "US",
      postalCode: "10001",
      customData: null,
      tierInfo: {
        resetDate: new Date("2017-03-23T20:00:00Z"),
        dateReached: new Date("2017-03-23T19:00:00Z"),
        scoreNeededToReach: 1000,
        nextLevel: { minValue: 1000, maxValue: 2499, title: "Tier 2" },
        tierScore: 0,
        timeframeScore: 1200,
        assignedByEvent: "DROP",
        currentLevel: { minValue: null, maxValue: 999, title: "Tier 1" },
        score: 0,
        daysUntilResetDate: 0,
        daysUntilExpirationDate: 0,
        dateAssigned: new Date("2017-03-23T19:00:00Z"),
        expirationDate: new Date("2017-03-23T20:00:00Z"),
        scoreNeededToMaintain: null,
      },
    });
  });

  it("drops the password, salt, hash algorithm and IP address", () => {
    const profile = livePushProfileSchema.parse(documentedBody());
    for (const key of ["password", "salt", "hashAlgorithmId", "ipAddress"])
      expect(profile).not.toHaveProperty(key);
    const text = JSON.stringify(profile);
    for (const secret of ["s3cret-hash", "pepper-salt", "bcrypt-7", "203.0.113.9"])
      expect(text).not.toContain(secret);
  });

  it.each([
    ["timeframeScore", { timeframeScore: 1200 }, 1200],
    ["timeframe_score", { timeframeScore: undefined, timeframe_score: 0 }, 0],
    ["numeric-string timeframe_score", { timeframeScore: undefined, timeframe_score: "75" }, 75],
  ])("reads the timeframe score from %s", (_name, patch, expected) => {
    expect(livePushProfileSchema.parse(withTierInfo(patch)).tierInfo?.timeframeScore).toBe(expected);
  });

  it.each(["JUMP", "update", "Drop", "maintain", "RESET", "start"])(
    "upper-cases assignedByEvent %s",
    (event) => {
      expect(
        livePushProfileSchema.parse(withTierInfo({ assignedByEvent: event })).tierInfo?.assignedByEvent,
      ).toBe(event.toUpperCase());
    },
  );

  it.each([
    ["string id", { id: "6566" }, { id: "6566" }],
    [
      "numeric-string points",
      { totalPoints: "5200", redeemablePoints: "5200.0" },
      { totalPoints: 5200, redeemablePoints: 5200 },
    ],
    ["string epoch", { dateLastUpdated: "1490302144" }, { dateLastUpdated: new Date(1490302144000) }],
    ["boolean isActive", { isActive: false }, { isActive: false }],
    ['"0" isActive', { isActive: "0" }, { isActive: false }],
    [
      "numeric phone and postal code",
      { mobilePhoneNumber: 12312312321, postalCode: 10001 },
      { mobilePhoneNumber: "12312312321", postalCode: "10001" },
    ],
    [
      "customData as JSON text",
      { customData: '{"employee_id":"employee1","register_id":"1","cashier_id":"2"}' },
      { customData: { employee_id: "employee1", register_id: "1", cashier_id: "2" } },
    ],
    [
      "customData as an object",
      { customData: { employee_id: "employee1" } },
      { customData: { employee_id: "employee1" } },
    ],
    ["no tier info", { tierInfo: null }, { tierInfo: null }],
    ["missing weekly points", { weeklyPoints: undefined }, { weeklyPoints: null }],
  ])("normalises %s", (_name, patch, expected) => {
    expect(livePushProfileSchema.parse({ ...documentedBody(), ...patch })).toMatchObject(expected);
  });

  it.each([
    ["a top tier without a next level", { nextLevel: null, scoreNeededToReach: null }, { nextLevel: null }],
    [
      "numeric-string levels",
      { currentLevel: { minValue: "0", maxValue: "999", title: "Tier 1" } },
      { currentLevel: { minValue: 0, maxValue: 999, title: "Tier 1" } },
    ],
    ["null dates", { resetDate: null, expirationDate: null }, { resetDate: null, expirationDate: null }],
  ])("tier info: %s", (_name, patch, expected) => {
    expect(livePushProfileSchema.parse(withTierInfo(patch)).tierInfo).toMatchObject(expected);
  });
});
