import { describe, expect, test } from "vitest";
import { disagreeingPreviewFixture, lockedPreviewFixture } from "../testing/manager-fixtures.ts";
import { tierCardActivity, windowOf } from "./tier-card-activity.ts";

const now = new Date("2026-06-01T12:00:00.000Z");

describe("tierCardActivity", () => {
  test("locked below the tier rule, with the tier that unlocks it and why", () => {
    const { activity, matrix } = lockedPreviewFixture();
    const bronze = matrix.rows[0]?.cells[0];
    if (!bronze) throw new Error("no cell");
    const card = tierCardActivity(activity, bronze, now);
    expect(card?.visibility).toEqual({
      state: "locked",
      unlockTier: { id: "345", title: "Silver", minScore: 1000 },
    });
    expect(card?.why[0]).toMatchObject({ kind: "tier", action: "earn_points" });
    expect(card?.title).toBe("Buy a season ticket");
    expect(card?.points).toEqual({ base: 2000, effective: 2000, bonus: 0, campaigns: [] });
    expect(card?.frequency).toEqual({ cap: 1, period: "day", requiredAttempts: 1 });
  });

  test("hidden: no card at all", () => {
    const { activity, matrix } = disagreeingPreviewFixture();
    const bronze = matrix.rows[0]?.cells[0];
    if (!bronze) throw new Error("no cell");
    expect(tierCardActivity(activity, bronze, now)).toBeNull();
  });

  test.each([
    [null, null, "open", null],
    ["2026-06-04T12:00:00.000Z", null, "upcoming", 3],
    [null, "2026-06-03T12:00:00.000Z", "ending_soon", 2],
    [null, "2026-07-03T12:00:00.000Z", "open", 32],
    [null, "2026-05-01T00:00:00.000Z", "expired", null],
  ])("window %s–%s is %s", (start, end, state, daysLeft) => {
    expect(windowOf(start, end, now)).toMatchObject({ state, daysLeft });
  });
});
