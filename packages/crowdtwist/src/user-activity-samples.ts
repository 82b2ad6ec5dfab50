// Sample items for the user-activities schema and for the parser that remembers its results: both
// must read every one of them the same way (user-activity.test.ts, user-activities-parser.test.ts).

// Built from the document's response table (its sample body is empty): every field with the
// table's sample value and format.
export const documented = {
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

/** [name, fields that replace the documented ones, what the parsed item then has]. */
export const NORMALISED: [string, Record<string, unknown>, Record<string, unknown>][] = [
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
];

/** [name, fields that replace the documented ones]: each makes the item unreadable. */
export const REFUSED: [string, Record<string, unknown>][] = [
  ["missing id", { id: undefined }],
  ["fractional points", { num_points: 1.5 }],
  ["bad multiplier", { campaigns: [{ title: "x", multiplier: "three", point_gift: 1 }] }],
  ["missing tier flag", { is_locked_by_tier: undefined }],
  ["non-boolean flag", { is_hidden_by_tier: "maybe" }],
];
