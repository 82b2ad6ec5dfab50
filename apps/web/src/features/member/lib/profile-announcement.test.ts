import { describe, expect, test } from "vitest";
import { profileFixture, topTierProfile } from "../../../testing/fixtures.ts";
import { announcementText, profileAnnouncement } from "./profile-announcement.ts";

const SILVER = { id: "345", title: "Silver", minScore: 1000, maxScore: 2499 };
const bronze = (total: number | null) => profileFixture({ points: { total, redeemable: 0, tierScore: 0 } });
const silver = (total: number | null) => {
  const base = bronze(total);
  return { ...base, tier: { ...base.tier, current: SILVER } };
};

/** What the announcement says, in English. */
const said = (...profiles: Parameters<typeof profileAnnouncement>) => {
  const announcement = profileAnnouncement(...profiles);
  return announcement && { kind: announcement.kind, text: announcementText(announcement) };
};

describe("what a live profile update announces", () => {
  test("the first profile a page sees announces nothing", () => {
    expect(profileAnnouncement(null, bronze(1350))).toBeNull();
    expect(profileAnnouncement(undefined, topTierProfile())).toBeNull();
  });

  test("the same points and tier announce nothing", () => {
    expect(profileAnnouncement(bronze(1350), bronze(1350))).toBeNull();
  });

  test("points up", () => {
    expect(said(bronze(1350), bronze(1400))).toEqual({ kind: "points-up", text: "You earned 50 points." });
    expect(said(bronze(10), bronze(11))?.text).toBe("You earned 1 point.");
  });

  test("points down", () => {
    expect(said(bronze(1400), bronze(1100))).toEqual({
      kind: "points-down",
      text: "Your points went down by 300 points.",
    });
  });

  test("tier up, with the points that came with it", () => {
    expect(said(bronze(1350), silver(2000))).toEqual({
      kind: "tier-up",
      text: "You reached Silver! You earned 650 points.",
    });
    expect(said(bronze(1350), silver(1350))).toEqual({ kind: "tier-up", text: "You reached Silver!" });
  });

  test("tier down is said plainly, not celebrated", () => {
    expect(said(silver(1350), bronze(1350))).toEqual({ kind: "tier-down", text: "Your tier is now Bronze." });
    // Two sentences, not one run on.
    expect(said(silver(1350), bronze(1100))?.text).toBe(
      "Your tier is now Bronze. Your points went down by 250 points.",
    );
    expect(profileAnnouncement(topTierProfile(), silver(1350))?.kind).toBe("tier-down");
  });

  test("a balance one update did not give is unknown, not a change", () => {
    expect(profileAnnouncement(bronze(null), bronze(1350))).toBeNull();
    expect(profileAnnouncement(bronze(1350), bronze(null))).toBeNull();
  });
});
