import { describe, expect, it } from "vitest";
import { withTierInfo } from "./live-push-documented-body.ts";
import { livePushProfileSchema } from "./live-push-profile.ts";
import { parseUtcDate } from "./utc-date.ts";

describe("parseUtcDate", () => {
  it.each([
    ["the documents' form", "2017-03-23T19:00:00Z", "2017-03-23T19:00:00.000Z"],
    ["an offset is kept", "2017-03-23T19:00:00-05:00", "2017-03-24T00:00:00.000Z"],
    ["no zone: UTC, never server-local time", "2027-08-03T00:00:00", "2027-08-03T00:00:00.000Z"],
    ["no zone, no seconds", "2027-08-03T10:30", "2027-08-03T10:30:00.000Z"],
    ["no zone, fractions", "2027-08-03T10:30:05.25", "2027-08-03T10:30:05.250Z"],
    ["no zone, a space instead of T", "2027-08-03 10:30:00", "2027-08-03T10:30:00.000Z"],
    ["a date alone", "2027-08-03", "2027-08-03T00:00:00.000Z"],
    ["surrounding blanks", "  2027-08-03T10:30:00  ", "2027-08-03T10:30:00.000Z"],
  ])("%s", (_name, text, expected) => {
    expect(parseUtcDate(text).toISOString()).toBe(expected);
  });

  it("leaves nonsense invalid", () => {
    expect(Number.isNaN(parseUtcDate("next tuesday").getTime())).toBe(true);
    expect(Number.isNaN(parseUtcDate("2027-13-45T99:00:00").getTime())).toBe(true);
  });
});

describe("a Live Push profile with zone-less dates", () => {
  it("reads them as UTC even on a server whose local zone is not UTC", () => {
    const before = process.env.TZ;
    // Node applies a changed TZ at once: without the fix these would be New York's local midnights.
    process.env.TZ = "America/New_York";
    try {
      const body = withTierInfo({
        dateAssigned: "2027-08-03T00:00:00",
        expirationDate: "2027-08-03 12:00:00",
      });
      const profile = livePushProfileSchema.parse(body);
      expect(profile.tierInfo?.dateAssigned?.toISOString()).toBe("2027-08-03T00:00:00.000Z");
      expect(profile.tierInfo?.expirationDate?.toISOString()).toBe("2027-08-03T12:00:00.000Z");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
