import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { type CrowdTwistClient, createCrowdTwistClient } from "@portal/crowdtwist/client";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProgram } from "../program/seed.ts";
import { SEGMENT } from "../program/seed-ids.ts";
import { createProgramState, ID_TYPES } from "../program/state.ts";
import { crowdTwistRoutes } from "./routes.ts";

// The real client against the sandbox over real HTTP: if these agree, the BFF sees the same thing
// from the sandbox as from CrowdTwist (as far as the documents describe it).

const API_KEY = "sandbox-contract-key-7f3a9c";
const WRONG_KEY = "wrong-key-d41d8cd98f00";
const PUBLIC_URL = "http://localhost:4010";

async function listen(app: Hono): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function failure(promise: Promise<unknown>): Promise<CrowdTwistError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CrowdTwistError))
    throw new Error(`expected a CrowdTwistError, got ${String(error)}`);
  return error;
}

function member(username: string) {
  const found = seedProgram.members.find((m) => m.username === username);
  if (!found) throw new Error(`no seed member ${username}`);
  return found;
}

let sandbox: { server: ServerType; url: string };
let client: CrowdTwistClient;

beforeAll(async () => {
  const state = createProgramState(seedProgram);
  sandbox = await listen(crowdTwistRoutes({ state, apiKey: API_KEY, publicUrl: PUBLIC_URL }));
  client = createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: API_KEY });
});

afterAll(async () => {
  await client.close();
  await close(sandbox.server);
});

describe("GET /v2/users/{user_id}/activities", () => {
  it("the sandbox knows exactly the documented id types", () => {
    expect(Object.keys(ID_TYPES).sort()).toEqual([...CROWDTWIST_ID_TYPES].sort());
  });

  it.each(CROWDTWIST_ID_TYPES)("finds ava by id_type %s", async (idType) => {
    const activities = await client.getUserActivities(ID_TYPES[idType](member("ava")), { idType });
    expect(activities.map((a) => a.id)).toContain("101");
    expect(activities.every((a) => a.image.startsWith(`${PUBLIC_URL}/`))).toBe(true);
  });

  it("finds a member by email address, the document's own sample kind of user_id", async () => {
    const byEmail = await client.getUserActivities("ava@example.com", { idType: "email" });
    expect(byEmail).toEqual(await client.getUserActivities("ava", { idType: "username" }));
    // Not by another kind of id sent as an email, nor by the username sent as one.
    expect((await failure(client.getUserActivities("ava", { idType: "email" }))).status).toBe(404);
  });

  it("defaults to CrowdTwist's own id", async () => {
    const byDefault = await client.getUserActivities(String(member("ava").id));
    const byUsername = await client.getUserActivities("ava", { idType: "username" });
    expect(byDefault).toEqual(byUsername);
  });

  it("maps type ids through this endpoint's table and keeps campaigns", async () => {
    const activities = await client.getUserActivities("cleo", { idType: "username" });
    const lounge = activities.find((a) => a.id === "106");
    expect(lounge).toMatchObject({ type: "check_in", typeId: "8" });
    const referral = activities.find((a) => a.id === "110");
    expect(referral?.campaigns).toEqual([
      { title: "Referral month", multiplier: 2, pointGift: 0 },
      { title: "Holiday gift", multiplier: 1, pointGift: 100 },
    ]);
    expect(activities.find((a) => a.id === "122")?.campaigns[0]?.multiplier).toBe(1.5);
    expect(activities.find((a) => a.id === "101")?.campaigns).toEqual([]);
  });

  it("sends both spellings of the decimal multiplier", async () => {
    const response = await fetch(
      `${sandbox.url}/v2/users/cleo/activities?id_type=username&api_key=${API_KEY}`,
    );
    const body = (await response.json()) as { id: number; campaigns?: { multiplier: unknown }[] }[];
    const multiplier = (id: number) => body.find((a) => a.id === id)?.campaigns?.[0]?.multiplier;
    expect(multiplier(110)).toBe("2.0");
    expect(multiplier(109)).toBe(3);
  });

  it("offers segment-restricted activities only to eligible members", async () => {
    const ids = async (username: string) =>
      (await client.getUserActivities(username, { idType: "username" })).map((a) => a.id);
    const [ava, ben, cleo] = await Promise.all([ids("ava"), ids("ben"), ids("cleo")]);
    expect(member("ben").segments).toContain(SEGMENT.staff);
    expect(ben).not.toContain("115"); // staff are excluded from the photo contest
    expect(ava).toContain("115");
    expect(ava).not.toContain("114"); // login-streak members only
    expect(ben).toContain("114");
    expect(ava).toContain("113"); // New York members only
    expect(ben).not.toContain("113");
    expect(cleo).toContain("113");
  });
});

describe("GET /v2/activities/{activity_id}/extended", () => {
  it("returns a tagged activity with its frequency", async () => {
    const checkIn = await client.getActivityExtended(101);
    expect(checkIn).toMatchObject({
      id: "101",
      type: "your_site",
      typeId: "6",
      channelId: "15",
      channelName: "Program login",
      pointsOnClick: true,
      frequency: { cap: 1, periodId: "2", periodName: "One Calendar Day", requiredAttempts: null },
      tags: [{ id: "1", name: "Everyday" }],
      segment: null,
      extraData: null,
      image: `${PUBLIC_URL}/sandbox/images/daily-check-in.svg`,
    });
    expect((await client.getActivityExtended("104")).tags).toEqual([{ id: "3", name: "Retail" }]);
  });

  it("returns a segment activity with the segment's name", async () => {
    expect((await client.getActivityExtended("113")).segment).toEqual({
      name: "New York Members",
      subscriptionId: String(SEGMENT.newYork),
      eligibility: "inclusion",
    });
    expect((await client.getActivityExtended("115")).segment?.eligibility).toBe("exclusion");
  });

  it("maps type ids through this endpoint's table", async () => {
    expect(await client.getActivityExtended("106")).toMatchObject({ type: "check_in", typeId: "7" });
  });

  it("carries Alida links and dates", async () => {
    const survey = await client.getActivityExtended("111");
    expect(survey.extraData?.alida_activity_id).toMatch(/^[0-9a-f-]{36}$/);
    const upcoming = await client.getActivityExtended("116");
    expect(upcoming.dateStart?.getTime()).toBeGreaterThan(Date.now());
    expect(upcoming.dateEnd).not.toBeNull();
  });

  it("sends the documented quirks in the raw body", async () => {
    const raw = async (id: number) => {
      const response = await fetch(`${sandbox.url}/v2/activities/${id}/extended`, {
        headers: { "X-CT-Authorization": `CTApiKey ${API_KEY}` },
      });
      const body = (await response.json()) as Record<string, unknown>[];
      expect(body).toHaveLength(1);
      return body[0] ?? {};
    };
    const [odd, even, third] = await Promise.all([raw(101), raw(104), raw(123)]);
    expect(odd).toHaveProperty("activity_tag");
    expect(even).toHaveProperty("activity_tags");
    expect(typeof odd.id).toBe("string");
    expect(third.points_on_click).toBe("true");
    expect(odd.points_on_click).toBe(true);
  });
});

describe("tier flags agree with the extended endpoint", () => {
  const rank = (tierId: string | number | null) =>
    seedProgram.tiers.find((tier) => String(tier.id) === String(tierId))?.minValue ?? 0;

  it.each(["ava", "ben", "cleo"])("for %s", async (username) => {
    const activities = await client.getUserActivities(username, { idType: "username" });
    const memberRank = rank(member(username).tierId);
    for (const activity of activities) {
      const extended = await client.getActivityExtended(activity.id);
      expect(activity.minTierId).toBe(extended.minTierId);
      const meets = extended.minTierId === null || memberRank >= rank(extended.minTierId);
      expect([activity.id, activity.isLockedByTier, activity.isHiddenByTier]).toEqual([
        activity.id,
        !meets && extended.showAsLockedByTier,
        !meets && !extended.showAsLockedByTier,
      ]);
    }
  });

  it("shows every state across the demo members", async () => {
    const ava = await client.getUserActivities("ava", { idType: "username" });
    expect(ava.find((a) => a.id === "105")).toMatchObject({ isLockedByTier: true, isHiddenByTier: false });
    expect(ava.find((a) => a.id === "107")).toMatchObject({ isLockedByTier: false, isHiddenByTier: true });
    const cleo = await client.getUserActivities("cleo", { idType: "username" });
    expect(cleo.every((a) => !a.isLockedByTier && !a.isHiddenByTier)).toBe(true);
  });
});

describe("authentication", () => {
  it("accepts the key in the api_key query parameter", async () => {
    const response = await fetch(`${sandbox.url}/v2/activities/101/extended?api_key=${API_KEY}`);
    expect(response.status).toBe(200);
  });

  it.each([
    ["no key", {}],
    ["a wrong header key", { "X-CT-Authorization": `CTApiKey ${WRONG_KEY}` }],
    ["two spaces", { "X-CT-Authorization": `CTApiKey  ${API_KEY}` }],
    ["the bare key", { "X-CT-Authorization": API_KEY }],
  ])("refuses %s with the documented body", async (_name, headers) => {
    const response = await fetch(`${sandbox.url}/v2/activities/101/extended`, { headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "invalid_auth", message: "Invalid access credentials." });
  });

  it("a wrong key is a CrowdTwistError that does not repeat the key", async () => {
    const wrong = createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: WRONG_KEY });
    try {
      const error = await failure(wrong.getUserActivities("ava", { idType: "username" }));
      expect(error).toMatchObject({
        status: 403,
        code: "invalid_auth",
        upstreamMessage: "Invalid access credentials.",
      });
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(WRONG_KEY);
    } finally {
      await wrong.close();
    }
  });
});

describe("documented errors", () => {
  it("unknown user → 404 page_not_found", async () => {
    const error = await failure(client.getUserActivities("nobody", { idType: "username" }));
    expect(error).toMatchObject({ status: 404, code: "page_not_found", upstreamMessage: "User not found." });
  });

  it("unknown activity → 404 no_data", async () => {
    const error = await failure(client.getActivityExtended(999));
    expect(error).toMatchObject({ status: 404, code: "no_data", upstreamMessage: "Activity not found." });
  });

  it("non-numeric activity id → 400 invalid", async () => {
    const error = await failure(client.getActivityExtended("abc"));
    expect(error).toMatchObject({ status: 400, code: "invalid" });
  });

  it("unknown id_type → 400 invalid listing the documented values", async () => {
    // Live Push has a googleUserId, but `id_type` lists no Google id.
    const response = await fetch(
      `${sandbox.url}/v2/users/ava/activities?id_type=google_user_id&api_key=${API_KEY}`,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("invalid");
    for (const idType of CROWDTWIST_ID_TYPES) expect(body.message).toContain(idType);
  });

  it("other paths and methods keep the error shape", async () => {
    const headers = { "X-CT-Authorization": `CTApiKey ${API_KEY}` };
    const missing = await fetch(`${sandbox.url}/v2/users`, { headers });
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: "page_not_found", message: "Page not found." },
    ]);
    const post = await fetch(`${sandbox.url}/v2/activities/101/extended`, { method: "POST", headers });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ error: "invalid" });
  });

  it.each(["../activities/101/extended", "6566/../../activities/101/extended", "6566?id_type=id#", "%2E%2E"])(
    "an id like %j cannot reach another route",
    async (userId) => {
      const error = await failure(client.getUserActivities(userId));
      expect(error).toMatchObject({
        status: 404,
        code: "page_not_found",
        upstreamMessage: "User not found.",
      });
    },
  );

  it.each([".", "..", ""])("the id %j is refused before any request", async (userId) => {
    expect(await failure(client.getUserActivities(userId))).toMatchObject({ status: 400, code: "invalid" });
  });

  it("an activity id cannot reach the user route", async () => {
    const error = await failure(client.getActivityExtended("../../users/6566/activities"));
    expect(error).toMatchObject({ status: 400, code: "invalid" });
  });
});

describe("failures without a documented answer", () => {
  let fake: { server: ServerType; url: string };

  beforeAll(async () => {
    const app = new Hono();
    app.get("/v2/activities/slow/extended", async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return c.json([]);
    });
    app.get("/v2/activities/empty/extended", (c) => c.json([]));
    app.get("/v2/activities/text/extended", (c) => c.text("<html>oops</html>"));
    app.get("/v2/activities/shape/extended", (c) => c.json([{ id: "1", num_points: "lots" }]));
    app.get("/v2/activities/gateway/extended", (c) => c.text("Bad gateway", 502));
    fake = await listen(app);
  });

  afterAll(() => close(fake.server));

  const fakeClient = (timeoutMs = 2000) =>
    createCrowdTwistClient({ baseUrl: fake.url, apiKey: API_KEY, timeoutMs });

  it.each([
    ["slow", 50, { status: 504, code: "timeout" }],
    ["empty", 2000, { status: 404, code: "no_data" }],
    ["text", 2000, { status: 502, code: "bad_response" }],
    ["shape", 2000, { status: 502, code: "bad_response" }],
    ["gateway", 2000, { status: 502, code: "bad_response" }],
  ])("%s → %j", async (id, timeoutMs, expected) => {
    const slowClient = fakeClient(timeoutMs);
    try {
      expect(await failure(slowClient.getActivityExtended(id))).toMatchObject(expected);
    } finally {
      await slowClient.close();
    }
  });

  it("names the failing path of a wrong shape, not the data", async () => {
    const shapeClient = fakeClient();
    try {
      const error = await failure(shapeClient.getActivityExtended("shape"));
      expect(error.message).toMatch(/\[0\]\.\w+/);
      expect(error.message).not.toContain("lots");
    } finally {
      await shapeClient.close();
    }
  });

  it("a caller's abort is the caller's, not a timeout", async () => {
    const abortClient = fakeClient();
    try {
      const reason = new Error("navigated away");
      const call = abortClient.getActivityExtended("slow", { signal: AbortSignal.abort(reason) });
      await expect(call).rejects.toBe(reason);
    } finally {
      await abortClient.close();
    }
  });

  it("a refused connection → network", async () => {
    const gone = await listen(new Hono());
    await close(gone.server);
    const goneClient = createCrowdTwistClient({ baseUrl: gone.url, apiKey: API_KEY });
    try {
      expect(await failure(goneClient.getActivityExtended(1))).toMatchObject({
        status: 502,
        code: "network",
      });
    } finally {
      await goneClient.close();
    }
  });
});
