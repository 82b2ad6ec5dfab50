import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSandboxEnv } from "../env.ts";
import { type RunningSandbox, startSandbox } from "../start.ts";

// The sandbox's raw CrowdTwist answers, over real HTTP, held against the documents themselves: their
// field tables and the extended document's sample payload, typed in here from
// upstream-docs/crowdtwist-v2-*.txt. Nothing comes from our client, so a table the client and the
// sandbox both got wrong would still fail here.

const API_KEY = "document-samples-key-5d1e";

/** "Sample Response Body" of Activity Search (extended), verbatim. */
const EXTENDED_SAMPLE = `[ { "id": "1006156", "name": "Ad Hoc Points", "title": "Ad Hoc Points", "description": "Ad Hoc Points", "num_points": 200, "image": "http://crowdtwist.com/img/v2/d79b402d3209d59f699d1ae0c7c9ccc1d18b0188/100/100/0/image.jpg", "category_id": "1", "category_name": "Share", "type_id": "1", "type_name": "Facebook", "activity_channel_id": "2", "activity_channel_name": "code redemption cpg", "freq_cap": null, "freq_period_id": null, "freq_period_name": null, "freq_num_required_attempts": null, "redirect_url": null, "points_on_click": false, "action_tags": null, "date_start": 1506830400, "date_end": null, "min_tier_id": null, "show_as_locked_by_tier": false, "activity_tags": [], "extra_data": { "TEST": "12" }, "public_title": "Code Redemption Test", "public_description": "Testing", "segment": { "name": "5x Login Streak", "subscription_id": 1628, "eligibility_type": "inclusion" } } ]`;

type Format = "String" | "Integer" | "Boolean" | "Object" | "Array" | "Decimal";
type Row = [field: string, format: Format, required: boolean];

// "Response Body" of Activity Search (extended): field, format, required. `points_on_click` is a
// "String" in the table and a boolean in the sample; both are accepted (the sandbox sends both).
const EXTENDED_TABLE: Row[] = [
  ["id", "String", true],
  ["name", "String", true],
  ["title", "String", true],
  ["description", "String", true],
  ["num_points", "Integer", true],
  ["image", "String", true],
  ["category_id", "String", true],
  ["category_name", "String", true],
  ["type_id", "String", true],
  ["type_name", "String", true],
  ["activity_channel_id", "String", false],
  ["activity_channel_name", "String", false],
  ["freq_cap", "String", false],
  ["freq_period_id", "String", false],
  ["freq_period_name", "String", false],
  ["freq_num_required_attempts", "String", false],
  ["redirect_url", "String", false],
  ["points_on_click", "String", true],
  ["action_tags", "String", false],
  ["date_start", "Integer", false],
  ["date_end", "Integer", false],
  ["min_tier_id", "Integer", false],
  ["show_as_locked_by_tier", "Boolean", true],
  ["public_title", "String", true],
  ["public_description", "String", true],
  ["segment", "Object", false],
  ["extra_data", "Object", false],
];

// "Response Body" of User Activities. Optional fields may be left out entirely.
const USER_ACTIVITIES_TABLE: Row[] = [
  ["id", "Integer", true],
  ["title", "String", true],
  ["description", "String", true],
  ["num_points", "Integer", true],
  ["image", "String", true],
  ["category_id", "String", false],
  ["type_id", "String", true],
  ["date_start", "Integer", false],
  ["date_end", "Integer", false],
  ["min_tier_id", "Integer", false],
  ["is_hidden_by_tier", "Boolean", true],
  ["is_locked_by_tier", "Boolean", true],
  ["extra_data", "Object", false],
  ["campaigns", "Array", false],
];

/** The two endpoints number types differently; the names tie them together. */
const USER_ACTIVITIES_TYPES: Record<string, string> = {
  "1": "Facebook",
  "2": "Merchandise",
  "3": "Music",
  "5": "Tickets",
  "6": "Twitter",
  "7": "Your Site",
  "8": "Foursquare Check-in",
  "9": "Code Redemption",
};
const EXTENDED_TYPES: Record<string, string> = {
  "1": "Facebook",
  "2": "Merchandise",
  "3": "Music",
  "4": "Tickets",
  "5": "Twitter",
  "6": "Your Site",
  "7": "Check-In",
  "8": "Code Redemption",
};
const CATEGORIES: Record<string, string> = { "1": "Share", "2": "Socialize", "3": "Interact", "4": "Buy" };
const FREQUENCY_PERIODS: Record<string, string> = {
  "1": "24 Hours (Inactive)",
  "2": "One Calendar Day",
  "3": "Seven Calendar Days (Inactive)",
  "4": "One Calendar Week",
  "5": "Lifetime",
  "6": "One Calendar Month",
  "7": "One Calendar Year (Inactive)",
  "8": "365 Days (Inactive)",
  "9": "30 Days (Inactive)",
};

type Json = Record<string, unknown>;

function fits(value: unknown, format: Format): boolean {
  switch (format) {
    case "String":
      return typeof value === "string";
    case "Integer":
      return Number.isInteger(value);
    case "Boolean":
      return typeof value === "boolean";
    case "Object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "Array":
      return Array.isArray(value);
    case "Decimal":
      return typeof value === "number" || (typeof value === "string" && /^\d+(\.\d+)?$/.test(value));
  }
}

/** What a body breaks of a table: missing required fields, wrong formats, fields the table lacks. */
function problems(body: Json, table: Row[], options: { nullForAbsent: boolean; extra: string[] }): string[] {
  const found: string[] = [];
  for (const [field, format, required] of table) {
    const value = body[field];
    if (value === undefined) {
      if (required || options.nullForAbsent) found.push(`${field} missing`);
    } else if (value === null) {
      if (required || !options.nullForAbsent) found.push(`${field} null`);
    } else if (!fits(value, format) && !(field === "points_on_click" && typeof value === "boolean")) {
      found.push(`${field} not ${format}: ${JSON.stringify(value)}`);
    }
  }
  const known = new Set([...table.map(([field]) => field), ...options.extra]);
  for (const field of Object.keys(body)) if (!known.has(field)) found.push(`${field} not documented`);
  return found;
}

let sandbox: RunningSandbox;
const headers = { "X-CT-Authorization": `CTApiKey ${API_KEY}` };

async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}${path}`, { headers, signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: await response.json() };
}

async function extended(id: string | number): Promise<Json> {
  const { status, body } = await getJson(`/v2/activities/${id}/extended`);
  expect(status).toBe(200);
  expect(Array.isArray(body) && body.length === 1).toBe(true);
  return (body as Json[])[0] as Json;
}

async function userActivities(username: string): Promise<Json[]> {
  const { status, body } = await getJson(`/v2/users/${username}/activities?id_type=username`);
  expect(status).toBe(200);
  return body as Json[];
}

const activityIds = () => sandbox.state.program.activities.map((activity) => activity.id);

beforeAll(async () => {
  sandbox = await startSandbox(
    parseSandboxEnv({
      CROWDTWIST_API_KEY: API_KEY,
      SANDBOX_PORT: "0",
      LIVE_PUSH_URL: "http://127.0.0.1:9/unused",
    }),
  );
});

afterAll(() => sandbox.close());

describe("Activity Search (extended) against its document", () => {
  it("the document's own sample passes the checks below (the checks read the document right)", () => {
    const [sample] = JSON.parse(EXTENDED_SAMPLE) as Json[];
    expect(problems(sample ?? {}, EXTENDED_TABLE, { nullForAbsent: true, extra: ["activity_tags"] })).toEqual(
      [],
    );
  });

  it("every activity has the sample's fields, formats and nulls", async () => {
    const [sample] = JSON.parse(EXTENDED_SAMPLE) as Json[];
    const sampleKeys = Object.keys(sample ?? {}).filter((key) => key !== "activity_tags");
    for (const id of activityIds()) {
      const body = await extended(id);
      expect([
        id,
        problems(body, EXTENDED_TABLE, { nullForAbsent: true, extra: ["activity_tag", "activity_tags"] }),
      ]).toEqual([id, []]);
      // The table's `activity_tag` or the sample's `activity_tags`, never both.
      const tags = "activity_tags" in body ? body.activity_tags : body.activity_tag;
      expect(["activity_tag" in body, "activity_tags" in body].filter(Boolean)).toHaveLength(1);
      expect(Array.isArray(tags)).toBe(true);
      for (const tag of tags as Json[]) {
        expect(Object.keys(tag).sort()).toEqual(["tag_id", "tag_name"]);
        expect([Number.isInteger(tag.tag_id), typeof tag.tag_name]).toEqual([true, "string"]);
      }
      for (const key of sampleKeys) expect(body).toHaveProperty(key);
    }
  });

  it("ids and names come from the document's tables, in pairs", async () => {
    for (const id of activityIds()) {
      const body = await extended(id);
      expect(EXTENDED_TYPES[body.type_id as string]).toBe(body.type_name);
      expect(CATEGORIES[body.category_id as string]).toBe(body.category_name);
      if (body.freq_period_id !== null) {
        expect(FREQUENCY_PERIODS[body.freq_period_id as string]).toBe(body.freq_period_name);
      }
      if (body.segment !== null) {
        const segment = body.segment as Json;
        expect(Object.keys(segment).sort()).toEqual(["eligibility_type", "name", "subscription_id"]);
        expect(Number.isInteger(segment.subscription_id)).toBe(true);
        expect(["inclusion", "exclusion"]).toContain(segment.eligibility_type);
      }
    }
    // The sample's spelling of channel 2, not the table's "Code redemption cgp".
    expect((await extended(109)).activity_channel_name).toBe("code redemption cpg");
  });

  it("like the sample, most activities have internal words distinct from the member-facing ones", async () => {
    const bodies = await Promise.all(activityIds().map((id) => extended(id)));
    const distinct = bodies.filter(
      (body) => body.public_title !== "" && body.public_title !== body.title && body.title !== "",
    );
    expect(distinct.length).toBeGreaterThanOrEqual(Math.ceil(bodies.length * 0.75));
    // Some public wording is left empty, as Control Center allows: members then get the list's.
    expect(bodies.some((body) => body.public_title === "")).toBe(true);
    expect(bodies.some((body) => body.public_title !== "" && body.public_description === "")).toBe(true);
  });

  it("answers the documented errors", async () => {
    expect(await getJson("/v2/activities/99999/extended")).toEqual({
      status: 404,
      body: { error: "no_data", message: "Activity not found." },
    });
    const response = await fetch(`${sandbox.url}/v2/activities/101/extended`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect([response.status, await response.json()]).toEqual([
      403,
      { error: "invalid_auth", message: "Invalid access credentials." },
    ]);
  });
});

describe("User Activities against its document", () => {
  it.each(["ava", "ben", "cleo"])("%s's list has the table's fields and formats only", async (username) => {
    for (const body of await userActivities(username)) {
      expect([body.id, problems(body, USER_ACTIVITIES_TABLE, { nullForAbsent: false, extra: [] })]).toEqual([
        body.id,
        [],
      ]);
      expect(Object.keys(USER_ACTIVITIES_TYPES)).toContain(body.type_id);
      for (const campaign of (body.campaigns ?? []) as Json[]) {
        expect(Object.keys(campaign).sort()).toEqual(["multiplier", "point_gift", "title"]);
        expect([fits(campaign.title, "String"), fits(campaign.multiplier, "Decimal")]).toEqual([true, true]);
        expect(Number.isInteger(campaign.point_gift)).toBe(true);
      }
    }
  });

  it("carries Control Center's title and description, which are not the member-facing ones", async () => {
    const list = await userActivities("cleo");
    let internalOnly = 0;
    for (const item of list) {
      const details = await extended(item.id as number);
      expect([item.id, item.title, item.description]).toEqual([item.id, details.title, details.description]);
      if (details.public_title !== "" && item.title !== details.public_title) internalOnly++;
    }
    expect(internalOnly).toBeGreaterThanOrEqual(Math.ceil(list.length * 0.75));
  });

  it("numbers types by its own table, naming the same type as the extended endpoint", async () => {
    const sameType = (userName: string) => (userName === "Foursquare Check-in" ? "Check-In" : userName);
    for (const item of await userActivities("cleo")) {
      const details = await extended(item.id as number);
      expect([item.id, sameType(USER_ACTIVITIES_TYPES[item.type_id as string] ?? "?")]).toEqual([
        item.id,
        details.type_name,
      ]);
    }
    // Tickets: 5 here, 4 there.
    const season = (await userActivities("cleo")).find((item) => item.id === 105);
    expect([season?.type_id, (await extended(105)).type_id]).toEqual(["5", "4"]);
  });

  it("answers the documented 404 for an unknown user", async () => {
    expect(await getJson("/v2/users/nobody/activities?id_type=username")).toEqual({
      status: 404,
      body: { error: "page_not_found", message: "User not found." },
    });
  });
});
