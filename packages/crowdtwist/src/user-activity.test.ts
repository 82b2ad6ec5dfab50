import { describe, expect, it } from "vitest";
import { userActivitiesResponseSchema, userActivitySchema } from "./user-activity.ts";
import { documented, NORMALISED, REFUSED } from "./user-activity-samples.ts";

describe("user activities schema", () => {
  it("parses the documented item into the clean type", () => {
    expect(userActivitiesResponseSchema.parse([documented])).toEqual([
      {
        id: "216",
        title: "Sign in with Foursquare",
        description: "Sign in with Foursquare",
        numPoints: 2000,
        image: "http://www.imagestorage.com/image",
        categoryId: "2",
        type: "check_in",
        typeId: "8",
        dateStart: new Date(1508167798 * 1000),
        dateEnd: new Date(1510846197 * 1000),
        minTierId: "345",
        isHiddenByTier: false,
        isLockedByTier: false,
        extraData: { Test: "Test" },
        campaigns: [{ title: "Winter bonus points campaign", multiplier: 3, pointGift: 50 }],
      },
    ]);
  });

  it("accepts an empty list", () => {
    expect(userActivitiesResponseSchema.parse([])).toEqual([]);
  });

  it("fills optional fields that are absent", () => {
    const {
      category_id: _c,
      date_start: _s,
      date_end: _e,
      min_tier_id: _m,
      extra_data: _x,
      campaigns: _k,
      ...required
    } = documented;
    expect(userActivitySchema.parse(required)).toMatchObject({
      categoryId: null,
      dateStart: null,
      dateEnd: null,
      minTierId: null,
      extraData: null,
      campaigns: [],
    });
  });

  it.each(NORMALISED)("normalises %s", (_name, patch, expected) => {
    expect(userActivitySchema.parse({ ...documented, ...patch })).toMatchObject(expected);
  });

  it.each([
    ["user type 1", "1", "facebook"],
    ["user type 5", "5", "tickets"],
    ["user type 6", "6", "twitter"],
    ["user type 7", "7", "your_site"],
    ["user type 8", "8", "check_in"],
    ["user type 9", "9", "code_redemption"],
  ])("maps %s through the user-activities table", (_name, typeId, type) => {
    expect(userActivitySchema.parse({ ...documented, type_id: typeId }).type).toBe(type);
  });

  it.each(REFUSED)("rejects %s", (_name, patch) => {
    expect(userActivitySchema.safeParse({ ...documented, ...patch }).success).toBe(false);
  });

  it("treats a missing description as empty rather than failing the whole list", () => {
    expect(userActivitySchema.parse({ ...documented, description: null }).description).toBe("");
  });
});
