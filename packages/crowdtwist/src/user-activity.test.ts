import { describe, expect, it } from "vitest";
import { userActivitiesResponseSchema, userActivitySchema } from "./user-activity.ts";

// Built from the document's response table (its sample body is empty): every field with the
// table's sample value and format.
const documented = {
  id: 216,
  title: "Sign in with Foursquare",
  description: "Sign in with Foursquare",
  num_points: 2000,
  image: "http://www.imagestorage.com/image",
  category_id: "2",
  type_id: "8",
  date_start: 1508167798,
  date_end: 1510846197,
  min_tier_id: 345,
  is_hidden_by_tier: false,
  is_locked_by_tier: false,
  extra_data: { Test: "Test" },
  campaigns: [{ title: "Winter bonus points campaign", multiplier: 3.0, point_gift: 50 }],
};

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

  it.each([
    ["string id", { id: "216" }, { id: "216" }],
    ["numeric category id", { category_id: 2 }, { categoryId: "2" }],
    ["numeric type id", { type_id: 8 }, { type: "check_in", typeId: "8" }],
    ["string tier id", { min_tier_id: "345" }, { minTierId: "345" }],
    ["numeric-string points", { num_points: "2000" }, { numPoints: 2000 }],
    [
      "string epoch dates",
      { date_start: "1508167798", date_end: null },
      { dateStart: new Date(1508167798000), dateEnd: null },
    ],
    [
      "string booleans",
      { is_hidden_by_tier: "true", is_locked_by_tier: "0" },
      { isHiddenByTier: true, isLockedByTier: false },
    ],
    [
      '"3.0" multiplier',
      { campaigns: [{ title: "x", multiplier: "3.0", point_gift: "50" }] },
      { campaigns: [{ title: "x", multiplier: 3, pointGift: 50 }] },
    ],
    ["null campaigns", { campaigns: null }, { campaigns: [] }],
    ["unknown type id kept raw", { type_id: "4" }, { type: null, typeId: "4" }],
  ])("normalises %s", (_name, patch, expected) => {
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

  it.each([
    ["missing id", { id: undefined }],
    ["fractional points", { num_points: 1.5 }],
    ["bad multiplier", { campaigns: [{ title: "x", multiplier: "three", point_gift: 1 }] }],
    ["missing tier flag", { is_locked_by_tier: undefined }],
    ["non-boolean flag", { is_hidden_by_tier: "maybe" }],
  ])("rejects %s", (_name, patch) => {
    expect(userActivitySchema.safeParse({ ...documented, ...patch }).success).toBe(false);
  });

  it("treats a missing description as empty rather than failing the whole list", () => {
    expect(userActivitySchema.parse({ ...documented, description: null }).description).toBe("");
  });
});
