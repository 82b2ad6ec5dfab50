import { describe, expect, it } from "vitest";
import { livePushPointsExpirationSchema } from "./live-push-points-expiration.ts";
import { livePushUserActivitySchema } from "./live-push-user-activity.ts";
import { livePushUserRedemptionSchema } from "./live-push-user-redemption.ts";
import { livePushSegmentChangeSchema } from "./live-push-user-segmentation.ts";
import { describeSchemaFailure, schemaFailureIssues, schemaFailureReason } from "./schema-failure.ts";

// The Data Push feeds beyond the profile (docs/decisions/0030): what each schema reads, how it
// normalises ids, casing and dates, and which bodies it refuses, with the failing path and kind.
// Bodies go through JSON text, as the webhook reads them.

const through = (body: unknown) => JSON.parse(JSON.stringify(body)) as unknown;
type Schema =
  | typeof livePushUserActivitySchema
  | typeof livePushUserRedemptionSchema
  | typeof livePushPointsExpirationSchema
  | typeof livePushSegmentChangeSchema;

function refusal(schema: Schema, body: unknown) {
  const result = schema.safeParse(through(body));
  if (result.success) throw new Error("expected the body to be refused");
  return { where: describeSchemaFailure(result.error), reason: schemaFailureReason(result.error) };
}

const activity = (patch: Record<string, unknown> = {}) => ({
  userActivityId: 12348765,
  activityId: 198,
  activityName: "added gender",
  points: 80,
  notes: null,
  referenceId: 123,
  activityExtraData: '{"apporderid":"1"}',
  thirdPartyId: "ava",
  title: "Add Your Gender",
  description: "Add your gender to your profile",
  translatedTitle: null,
  translatedDescription: null,
  emailAddress: "ava@example.com",
  dateCreated: "2026-03-10T12:00:00Z",
  ...patch,
});

describe("User Activity", () => {
  it("reads the catalogue's fields and the member's ids, dropping notes and descriptions", () => {
    expect(livePushUserActivitySchema.parse(through(activity()))).toEqual({
      userActivityId: "12348765",
      activityId: "198",
      points: 80,
      activityName: "added gender",
      translatedTitle: null,
      referenceId: "123",
      dateCreated: new Date("2026-03-10T12:00:00Z"),
      id: null,
      emailAddress: "ava@example.com",
      thirdPartyId: "ava",
      userName: null,
      mobilePhoneNumber: null,
      facebookUserId: null,
      twitterUserId: null,
    });
  });

  it.each([
    [
      "ids as text",
      { userActivityId: "12348765", activityId: " 198 " },
      { userActivityId: "12348765", activityId: "198" },
    ],
    ["points as text, negative for a redemption", { points: "-500" }, { points: -500 }],
    [
      "a translated title",
      { translatedTitle: "Ajoutez votre genre" },
      { translatedTitle: "Ajoutez votre genre" },
    ],
    ["a blank translated title is none", { translatedTitle: "  " }, { translatedTitle: null }],
    [
      "the time as epoch seconds",
      { dateCreated: 1773144000 },
      { dateCreated: new Date("2026-03-10T12:00:00Z") },
    ],
    [
      "the time as epoch-second text",
      { dateCreated: "1773144000" },
      { dateCreated: new Date("2026-03-10T12:00:00Z") },
    ],
    [
      "the time in snake case (batch spelling)",
      { dateCreated: undefined, date_created: 1773144000 },
      { dateCreated: new Date("2026-03-10T12:00:00Z") },
    ],
    ["no time", { dateCreated: undefined }, { dateCreated: null }],
    [
      "a zone-less time is UTC",
      { dateCreated: "2026-03-10T12:00:00" },
      { dateCreated: new Date("2026-03-10T12:00:00Z") },
    ],
    ["CrowdTwist's id as userId", { userId: 6566 }, { id: "6566" }],
    ["CrowdTwist's id as id (the profile's name)", { id: "6566" }, { id: "6566" }],
    ["an undocumented field is ignored", { somethingNew: { deep: [1, 2] } }, {}],
    [
      "a title longer than any screen is cut",
      { activityName: "x".repeat(600) },
      { activityName: "x".repeat(500) },
    ],
  ])("%s", (_name, patch, expected) => {
    expect(livePushUserActivitySchema.parse(through(activity(patch)))).toMatchObject(expected);
  });

  it.each([
    ["no userActivityId", { userActivityId: undefined }, "userActivityId: invalid_type", "schema"],
    ["a blank userActivityId", { userActivityId: " " }, "userActivityId: custom", "schema"],
    [
      "an id JSON.parse rounded",
      { userActivityId: 2 ** 53 + 2 },
      "userActivityId: out_of_range",
      "out_of_range",
    ],
    ["an id of kilobytes", { activityId: "9".repeat(300) }, "activityId: out_of_range", "out_of_range"],
    ["no points", { points: undefined }, "points: invalid_type", "schema"],
    ["fractional points", { points: 2.5 }, "points: custom", "schema"],
    ["points past 2^53", { points: 2 ** 60 }, "points: out_of_range", "out_of_range"],
    ["a time past 9999", { dateCreated: 253402300800 }, "dateCreated: out_of_range", "out_of_range"],
    ["a time that is no date", { dateCreated: "yesterday" }, "dateCreated: custom", "schema"],
    // JavaScript reads these in the server's own zone: one message, other instants on other servers.
    ["a time in a local form", { dateCreated: "07/27/2022 18:29:18" }, "dateCreated: custom", "schema"],
    ["a time in words", { dateCreated: "July 27, 2022 18:29" }, "dateCreated: custom", "schema"],
    ["NUL anywhere", { notes: "a\u0000b" }, "notes: unsafe_text", "unsafe_text"],
  ])("refuses %s", (_name, patch, where, reason) => {
    expect(refusal(livePushUserActivitySchema, activity(patch))).toEqual({ where, reason });
  });
});

const redemption = (patch: Record<string, unknown> = {}) => ({
  orderId: 101,
  orderDate: 1438043367,
  rewardId: 947563,
  rewardGroupId: 12345,
  category: "Gift Cards",
  title: "$20 Gift Card",
  description: "$20 to use on our site",
  color: null,
  size: null,
  thirdPartyId: "ava",
  ...patch,
});

describe("Feed instants", () => {
  it.each([
    ["2022-07-27T18:29:18Z", "2022-07-27T18:29:18.000Z"],
    ["2022-07-27T18:29:18.250+02:00", "2022-07-27T16:29:18.250Z"],
    ["2022-07-27T18:29:18+0530", "2022-07-27T12:59:18.000Z"],
    ["2022-07-27 18:29:18", "2022-07-27T18:29:18.000Z"],
    ["2022-07-27t18:29z", "2022-07-27T18:29:00.000Z"],
    ["2022-07-27", "2022-07-27T00:00:00.000Z"],
    [" 1658946558 ", "2022-07-27T18:29:18.000Z"],
  ])("reads %j as ISO 8601 or epoch seconds, never in the server's zone", (text, iso) => {
    expect(livePushUserActivitySchema.parse(through(activity({ dateCreated: text }))).dateCreated).toEqual(
      new Date(iso),
    );
  });
});

describe("User Redemption", () => {
  it("reads the order, the reward and its title", () => {
    expect(livePushUserRedemptionSchema.parse(through(redemption()))).toMatchObject({
      orderId: "101",
      orderDate: new Date(1438043367 * 1000),
      rewardId: "947563",
      rewardGroupId: "12345",
      title: "$20 Gift Card",
      thirdPartyId: "ava",
    });
  });

  it.each([
    [
      "an ISO order date",
      { orderDate: "2015-07-28T00:29:27Z" },
      { orderDate: new Date("2015-07-28T00:29:27Z") },
    ],
    ["ids as text", { orderId: "A-101", rewardId: "947563" }, { orderId: "A-101", rewardId: "947563" }],
    ["no reward group", { rewardGroupId: undefined }, { rewardGroupId: null }],
    ["no title", { title: null }, { title: null }],
  ])("%s", (_name, patch, expected) => {
    expect(livePushUserRedemptionSchema.parse(through(redemption(patch)))).toMatchObject(expected);
  });

  it.each([
    ["no orderId", { orderId: undefined }, "orderId: invalid_type", "schema"],
    ["no orderDate", { orderDate: undefined }, "orderDate: invalid_type", "schema"],
    ["an order date past 9999", { orderDate: "10000-01-01T00:00:00Z" }, "orderDate: custom", "schema"],
  ])("refuses %s", (_name, patch, where, reason) => {
    expect(refusal(livePushUserRedemptionSchema, redemption(patch))).toEqual({ where, reason });
  });
});

const expiration = (patch: Record<string, unknown> = {}) => ({
  user_id: 348399,
  email_address: "test@ct.com",
  third_party_id: 12322,
  message_date: "2021-05-20T18:25:43.511-04:00",
  ...patch,
});

describe("Points Expiration", () => {
  it("reads the inactivity rule's date and amount", () => {
    const parsed = livePushPointsExpirationSchema.parse(
      through(
        expiration({
          last_qualified_date: "2021-05-20T18:25:43.511-04:00",
          expiration_date: "2021-11-20T18:25:43.511-04:00",
          points_expiring: 200,
        }),
      ),
    );
    expect(parsed).toMatchObject({
      id: "348399",
      emailAddress: "test@ct.com",
      thirdPartyId: "12322",
      messageDate: new Date("2021-05-20T22:25:43.511Z"),
      expiring: [{ points: 200, date: new Date("2021-11-20T22:25:43.511Z") }],
    });
  });

  it("reads month entries nearest first, one amount per date, skipping what says nothing", () => {
    const parsed = livePushPointsExpirationSchema.parse(
      through(
        expiration({
          redemption_period_points_expiration: [
            { expiration_date: "2021-07-31T23:59:59Z", points_expiring: "150", points_expired: 0 },
            { expiration_date: "2021-06-30T23:59:59Z", points_expiring: 100 },
            { expiration_date: "2021-08-31T23:59:59Z", points_expiring: 0 },
            { expiration_date: null, points_expiring: 40 },
          ],
          inactivity_points_expiration: [{ expiration_date: "2021-06-30T23:59:59Z", points_expiring: 100 }],
        }),
      ),
    );
    expect(parsed.expiring).toEqual([
      { points: 100, date: new Date("2021-06-30T23:59:59Z") },
      { points: 150, date: new Date("2021-07-31T23:59:59Z") },
    ]);
  });

  it("a message with nothing expiring says nothing expires", () => {
    expect(livePushPointsExpirationSchema.parse(through(expiration())).expiring).toEqual([]);
  });

  it.each([
    ["no message_date", { message_date: undefined }, "message_date: invalid_type", "schema"],
    ["a message_date that is no date", { message_date: "soon" }, "message_date: custom", "schema"],
    [
      "an amount of 401 digits",
      { expiration_date: "2021-11-20T00:00:00Z", points_expiring: `1${"0".repeat(400)}` },
      "points_expiring: out_of_range",
      "out_of_range",
    ],
    [
      "a month entry with text points",
      { points_expiration: [{ expiration_date: "2021-11-20T00:00:00Z", points_expiring: "lots" }] },
      "points_expiration[0].points_expiring: custom",
      "schema",
    ],
  ])("refuses %s", (_name, patch, where, reason) => {
    expect(refusal(livePushPointsExpirationSchema, expiration(patch))).toEqual({ where, reason });
  });
});

const SAMPLE = {
  user_id: 10,
  email_address: "joe@example.com",
  third_party_id: "user-123",
  type: "segment",
  name: "Users in New York",
  subscription_id: 200,
  event: "entered",
  trigger: "segment criteria",
  date_occurred: "2022-07-27T18:29:18Z",
};

describe("User Segmentation", () => {
  it("reads the catalogue's complete sample", () => {
    expect(livePushSegmentChangeSchema.parse(through(SAMPLE))).toEqual({
      id: "10",
      emailAddress: "joe@example.com",
      thirdPartyId: "user-123",
      userName: null,
      mobilePhoneNumber: null,
      facebookUserId: null,
      twitterUserId: null,
      type: "segment",
      name: "Users in New York",
      subscriptionId: "200",
      event: "entered",
      trigger: "segment criteria",
      dateOccurred: new Date("2022-07-27T18:29:18Z"),
    });
  });

  it.each([
    ["a group", { type: "group" }, { type: "group" }],
    [
      "casing and spaces",
      { type: " Segment ", event: "EXITED", trigger: "Segment  Disabled" },
      { type: "segment", event: "exited", trigger: "segment disabled" },
    ],
    ["an unknown trigger explains nothing", { trigger: "manual" }, { trigger: null }],
    ["no trigger", { trigger: undefined }, { trigger: null }],
    ["the subscription id as text", { subscription_id: "200" }, { subscriptionId: "200" }],
    ["an undocumented field", { segment_group_id: 7 }, {}],
  ])("%s", (_name, patch, expected) => {
    expect(livePushSegmentChangeSchema.parse(through({ ...SAMPLE, ...patch }))).toMatchObject(expected);
  });

  it.each([
    ["an event that is neither entered nor exited", { event: "moved" }, "event: invalid_value", "schema"],
    ["no subscription_id", { subscription_id: null }, "subscription_id: invalid_type", "schema"],
    ["no date_occurred", { date_occurred: undefined }, "date_occurred: invalid_type", "schema"],
    ["no type", { type: "" }, "type: too_small", "schema"],
    ["a surrogate in the name", { name: "New York\ud800" }, "name: unsafe_text", "unsafe_text"],
  ])("refuses %s", (_name, patch, where, reason) => {
    expect(refusal(livePushSegmentChangeSchema, { ...SAMPLE, ...patch })).toEqual({ where, reason });
  });
});

describe("every refusal by its path (the webhook's `issues`)", () => {
  it("lists each problem where it is and of what kind, never the value", () => {
    const result = livePushUserActivitySchema.safeParse(
      through(activity({ userActivityId: true, activityId: [], points: "private-value" })),
    );
    if (result.success) throw new Error("expected the body to be refused");
    const issues = schemaFailureIssues(result.error);
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["userActivityId", "activityId", "points"]);
    for (const issue of issues) expect(issue.problem).toMatch(/^[a-z_]+$/);
    expect(JSON.stringify(issues)).not.toContain("private-value");
  });
});
