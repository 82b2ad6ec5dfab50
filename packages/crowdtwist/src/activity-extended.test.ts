import { describe, expect, it } from "vitest";
import { activityExtendedResponseSchema, activityExtendedSchema } from "./activity-extended.ts";

// Verbatim from the document's "Sample Response Body".
const SAMPLE = `[ { "id": "1006156", "name": "Ad Hoc Points", "title": "Ad Hoc Points", "description": "Ad Hoc Points", "num_points": 200, "image": "http://crowdtwist.com/img/v2/d79b402d3209d59f699d1ae0c7c9ccc1d18b0188/100/100/0/image.jpg", "category_id": "1", "category_name": "Share", "type_id": "1", "type_name": "Facebook", "activity_channel_id": "2", "activity_channel_name": "code redemption cpg", "freq_cap": null, "freq_period_id": null, "freq_period_name": null, "freq_num_required_attempts": null, "redirect_url": null, "points_on_click": false, "action_tags": null, "date_start": 1506830400, "date_end": null, "min_tier_id": null, "show_as_locked_by_tier": false, "activity_tags": [], "extra_data": { "TEST": "12" }, "public_title": "Code Redemption Test", "public_description": "Testing", "segment": { "name": "5x Login Streak", "subscription_id": 1628, "eligibility_type": "inclusion" } } ]`;

const sampleItem = (): Record<string, unknown> => {
  const [item] = JSON.parse(SAMPLE) as Record<string, unknown>[];
  if (!item) throw new Error("sample has no item");
  return item;
};

describe("activity extended schema", () => {
  it("parses the document's sample (an array with one object)", () => {
    expect(activityExtendedResponseSchema.parse(JSON.parse(SAMPLE))).toEqual({
      id: "1006156",
      name: "Ad Hoc Points",
      title: "Ad Hoc Points",
      description: "Ad Hoc Points",
      publicTitle: "Code Redemption Test",
      publicDescription: "Testing",
      numPoints: 200,
      image: "http://crowdtwist.com/img/v2/d79b402d3209d59f699d1ae0c7c9ccc1d18b0188/100/100/0/image.jpg",
      categoryId: "1",
      categoryName: "Share",
      type: "facebook",
      typeId: "1",
      typeName: "Facebook",
      channelId: "2",
      channelName: "code redemption cpg",
      frequency: null,
      redirectUrl: null,
      pointsOnClick: false,
      actionTags: null,
      dateStart: new Date(1506830400 * 1000),
      dateEnd: null,
      minTierId: null,
      showAsLockedByTier: false,
      tags: [],
      segment: { name: "5x Login Streak", subscriptionId: "1628", eligibility: "inclusion" },
      extraData: { TEST: "12" },
    });
  });

  it("accepts the bare object the document's table describes", () => {
    expect(activityExtendedResponseSchema.parse(sampleItem())?.id).toBe("1006156");
  });

  it("reads an empty array as 'no such activity'", () => {
    expect(activityExtendedResponseSchema.parse([])).toBeNull();
  });

  it.each([
    ["the document's bare host", "www.crowdtwist.com", "https://www.crowdtwist.com"],
    ["a bare host with a path", "brand.example:8443/app?x=1", "https://brand.example:8443/app?x=1"],
    ["an https address as sent", "https://brand.example/a", "https://brand.example/a"],
    ["a javascript: URL as sent (the BFF refuses it)", "javascript:alert(1)", "javascript:alert(1)"],
    ["blank as none", "  ", null],
    ["null as none", null, null],
  ])("reads redirect_url: %s", (_name, raw, expected) => {
    expect(activityExtendedSchema.parse({ ...sampleItem(), redirect_url: raw }).redirectUrl).toBe(expected);
  });

  it.each([
    ["activity_tags", { activity_tags: [{ tag_id: 2, tag_name: "Retail" }] }],
    ["activity_tag", { activity_tags: undefined, activity_tag: [{ tag_id: "2", tag_name: "Retail" }] }],
  ])("reads tags from %s", (_name, patch) => {
    expect(activityExtendedSchema.parse({ ...sampleItem(), ...patch }).tags).toEqual([
      { id: "2", name: "Retail" },
    ]);
  });

  it.each([
    ["missing tags", { activity_tags: undefined }, []],
    ["null tags", { activity_tags: null }, []],
  ])("reads %s as no tags", (_name, patch, expected) => {
    expect(activityExtendedSchema.parse({ ...sampleItem(), ...patch }).tags).toEqual(expected);
  });

  it.each([
    ["numeric id", { id: 1006156 }, { id: "1006156" }],
    [
      "numeric category/type ids",
      { category_id: 1, type_id: 7 },
      { categoryId: "1", type: "check_in", typeId: "7" },
    ],
    ['"true" points_on_click', { points_on_click: "true" }, { pointsOnClick: true }],
    ["true points_on_click", { points_on_click: true }, { pointsOnClick: true }],
    ['"false" points_on_click', { points_on_click: "false" }, { pointsOnClick: false }],
    ["string show_as_locked_by_tier", { show_as_locked_by_tier: "true" }, { showAsLockedByTier: true }],
    ["numeric tier id", { min_tier_id: 334 }, { minTierId: "334" }],
    [
      "null channel",
      { activity_channel_id: null, activity_channel_name: null },
      { channelId: null, channelName: null },
    ],
    [
      "channel name from the table",
      { activity_channel_id: 15, activity_channel_name: null },
      { channelName: "Program login" },
    ],
    ["null segment", { segment: null }, { segment: null }],
    ["missing segment", { segment: undefined }, { segment: null }],
    ["null extra data", { extra_data: null }, { extraData: null }],
    [
      "string frequency fields",
      {
        freq_cap: "1",
        freq_period_id: "2",
        freq_period_name: "One Calendar Day",
        freq_num_required_attempts: "2",
      },
      { frequency: { cap: 1, periodId: "2", periodName: "One Calendar Day", requiredAttempts: 2 } },
    ],
    [
      "frequency period name from the table",
      { freq_cap: 3, freq_period_id: 4, freq_period_name: null },
      { frequency: { cap: 3, periodId: "4", periodName: "One Calendar Week", requiredAttempts: null } },
    ],
    [
      "numeric-string epoch dates",
      { date_start: "1506830400", date_end: "1510846197" },
      { dateEnd: new Date(1510846197000) },
    ],
    [
      "segment with string subscription id and upper-case eligibility",
      { segment: { name: "Staff", subscription_id: "2002", eligibility_type: "Exclusion" } },
      { segment: { name: "Staff", subscriptionId: "2002", eligibility: "exclusion" } },
    ],
  ])("normalises %s", (_name, patch, expected) => {
    expect(activityExtendedSchema.parse({ ...sampleItem(), ...patch })).toMatchObject(expected);
  });

  it.each([
    ["extended type 7", "7", "check_in"],
    ["extended type 4", "4", "tickets"],
    ["extended type 6", "6", "your_site"],
    ["extended type 8", "8", "code_redemption"],
    ["extended type 9 (unknown)", "9", null],
  ])("maps %s through the extended table", (_name, typeId, type) => {
    expect(activityExtendedSchema.parse({ ...sampleItem(), type_id: typeId }).type).toBe(type);
  });

  it.each([
    ["non-boolean points_on_click", { points_on_click: "yes" }],
    ["unknown eligibility", { segment: { name: "x", subscription_id: 1, eligibility_type: "sometimes" } }],
    ["missing id", { id: undefined }],
  ])("rejects %s", (_name, patch) => {
    expect(activityExtendedSchema.safeParse({ ...sampleItem(), ...patch }).success).toBe(false);
  });
});
