import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSandboxEnv } from "../env.ts";
import { type RunningSandbox, startSandbox } from "../start.ts";

// The sandbox's raw Alida answers, over real HTTP, held against upstream-docs/alida-v1-activity.txt:
// its "Example GET Response", "Available Fields" and "Summary result", typed in here. Nothing comes
// from our Alida client.

const COMMUNITY = "document-community";
const CLIENT_ID = "document-client";
const CLIENT_SECRET = "document-secret-93c1";

/** The keys of "Example GET Response", in the document's order. */
const EXAMPLE_KEYS = [
  "id",
  "sourceId",
  "activityType",
  "name",
  "status",
  "statusChangedOn",
  "panelId",
  "alternateId",
  "projectId",
  "projectType",
  "excludeFromParticipation",
  "hideFromMember",
  "isReady",
  "openedOn",
  "closedOn",
  "accessedOn",
  "templateUrl",
  "createDate",
  "lastUpdateDate",
  "createdBy",
  "lastUpdatedBy",
  "links",
  "href",
];
const SUMMARY_KEYS = [
  "distributionStatus",
  "memberEvents",
  "createDate",
  "lastUpdateDate",
  "createdBy",
  "lastUpdatedBy",
  "links",
  "href",
];
const DATE_FIELDS = ["statusChangedOn", "openedOn", "closedOn", "accessedOn", "createDate", "lastUpdateDate"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// "date-time (UTC)": ISO 8601 with a zone, and that zone is UTC.
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Json = Record<string, unknown>;

let sandbox: RunningSandbox;
let token: string;

async function get(path: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(path.startsWith("http") ? path : `${sandbox.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const activityIds = () => sandbox.state.program.alida.activities.map((activity) => activity.id);

beforeAll(async () => {
  sandbox = await startSandbox(
    parseSandboxEnv({
      SANDBOX_PORT: "0",
      LIVE_PUSH_URL: "http://127.0.0.1:9/unused",
      ALIDA_COMMUNITY: COMMUNITY,
      ALIDA_CLIENT_ID: CLIENT_ID,
      ALIDA_CLIENT_SECRET: CLIENT_SECRET,
    }),
  );
  const response = await fetch(`${sandbox.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}` },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
    signal: AbortSignal.timeout(5_000),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(() => sandbox.close());

describe("GET /v1/applications/{communityApiKeyName}/activities/{id} against its document", () => {
  it("has the example's keys, alternateId possibly missing", async () => {
    for (const id of activityIds()) {
      const { status, body } = await get(`/v1/applications/${COMMUNITY}/activities/${id}`);
      expect(status).toBe(200);
      const expected = "alternateId" in body ? EXAMPLE_KEYS : EXAMPLE_KEYS.filter((k) => k !== "alternateId");
      expect(Object.keys(body).sort()).toEqual([...expected].sort());
    }
  });

  it("sends GUIDs, UTC date-times and the documented values", async () => {
    for (const id of activityIds()) {
      const { body } = await get(`/v1/applications/${COMMUNITY}/activities/${id}`);
      for (const field of ["id", "panelId", "projectId", "createdBy", "lastUpdatedBy"]) {
        expect([field, body[field]]).toEqual([field, expect.stringMatching(GUID)]);
      }
      for (const field of DATE_FIELDS) {
        const value = body[field];
        if (value !== null) expect([field, value]).toEqual([field, expect.stringMatching(UTC_DATE_TIME)]);
      }
      expect(["Survey", "Forum", "ExternalActivity", "Sparq1survey"]).toContain(body.activityType);
      // The example says Open|Closed, the field list open/closed: either case, one of the two words.
      expect(["open", "closed"]).toContain(String(body.status).toLowerCase());
      expect(["Research", "Recruitment"]).toContain(body.projectType);
      for (const flag of ["excludeFromParticipation", "hideFromMember", "isReady"]) {
        expect([flag, typeof body[flag]]).toEqual([flag, "boolean"]);
      }
    }
  });

  it("links to itself by panel and to its summary, as the example does", async () => {
    for (const id of activityIds()) {
      const { body } = await get(`/v1/applications/${COMMUNITY}/activities/${id}`);
      const self = `/c/services/api/v1/tenants/${body.panelId}/activities/${id}`;
      expect(new URL(String(body.href)).pathname).toBe(self);
      expect(body.links).toEqual([{ rel: "summary", href: `${body.href}/summary` }]);

      const again = await get(String(body.href));
      expect(again).toEqual({ status: 200, body });
      const summary = await get(`${body.href}/summary`);
      expect(summary.status).toBe(200);
      expect(Object.keys(summary.body).sort()).toEqual([...SUMMARY_KEYS].sort());
      expect(["Pending", "Open", "Closed"]).toContain(summary.body.distributionStatus);
      expect(summary.body.href).toBe(`${body.href}/summary`);
      for (const count of Object.values(summary.body.memberEvents as Json)) {
        expect(Number.isInteger(count)).toBe(true);
      }
    }
  });

  it("refines the answer to the fields asked for, as the document's example does", async () => {
    const [id] = activityIds();
    const { status, body } = await get(`/v1/applications/${COMMUNITY}/activities/${id}?fields=name,closedOn`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["closedOn", "name"]);
  });

  it("refuses a bearer it never issued", async () => {
    const [id] = activityIds();
    const response = await fetch(`${sandbox.url}/v1/applications/${COMMUNITY}/activities/${id}`, {
      headers: { authorization: "Bearer not-a-token" },
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(401);
  });
});
