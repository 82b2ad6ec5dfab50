import type { Agent, AgentResponse } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestSystem, type TestSystem } from "../testing/system.ts";
import { activitiesBodySchema, memberPreviewSchema } from "../testing/wire-schemas.ts";

// The bytes the BFF really sends for its pre-serialised payloads, parsed with the schemas that are
// held equal to their types (testing/wire-schemas.ts): the member's activities on each path that
// answers them (loaded on a miss, served warm from the cached bytes, 304 to the list's ETag; by the
// fast path and by the route of record), and the manager's member preview.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
}, 60_000);
afterAll(() => system?.close());

const sum = (values: { value: number }[]) => values.reduce((total, v) => total + v.value, 0);
const fastPathAnswers = async () => sum((await system.bff.metrics.fastPathAnswers.get()).values);
const cacheEvents = async (event: "hit" | "miss") =>
  sum(
    (await system.bff.metrics.cacheEvents.get()).values.filter(
      (v) => v.labels.event === event && v.labels.cache === "crowdtwist_user_activities",
    ),
  );

/** What one request did: its answer, and whether the fast path took it, hit or missed the cache. */
async function observed(send: () => Promise<AgentResponse>) {
  const before = await Promise.all([fastPathAnswers(), cacheEvents("hit"), cacheEvents("miss")]);
  const response = await send();
  const after = await Promise.all([fastPathAnswers(), cacheEvents("hit"), cacheEvents("miss")]);
  return {
    response,
    fastPath: after[0] > before[0],
    hits: after[1] - before[1],
    misses: after[2] - before[2],
  };
}

/** The answer's body as the schema reads it; a mismatch fails with every issue and its path. */
function parsed<S extends z.ZodType>(schema: S, response: AgentResponse): z.output<S> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const result = schema.safeParse(JSON.parse(response.text));
  if (!result.success)
    throw new Error(`The answer does not match its type:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** A cookie header only Hono's full parser reads (quoted): the fast path leaves it to the route. */
const quotedSession = (agent: Agent) => ({
  cookie: `__Host-portal.sid="${agent.cookie("__Host-portal.sid")}"`,
});

describe("GET /api/me/activities: what is sent is what its type says", () => {
  it("on the fast path: loaded on a miss, warm from the cached bytes, and 304 to the list's tag", async () => {
    const ava = await system.signIn("ava");
    const miss = await observed(() => ava.get("/api/me/activities"));
    expect(miss).toMatchObject({ fastPath: true, misses: 1 });
    const loaded = parsed(activitiesBodySchema, miss.response);
    if (!loaded.enrolled) throw new Error("ava is enrolled");
    expect(loaded.activities.length).toBeGreaterThan(5);
    // Dates made as Dates (an ended activity's `endedAt`) arrive as the ISO strings the type says.
    expect(loaded.activities.flatMap((a) => a.why).some((reason) => reason.kind === "ended")).toBe(true);

    const warm = await observed(() => ava.get("/api/me/activities"));
    expect(warm).toMatchObject({ fastPath: true, hits: 1, misses: 0 });
    const served = parsed(activitiesBodySchema, warm.response);
    expect(served.activities).toEqual(loaded.activities);
    const etag = warm.response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(miss.response.headers.get("etag")).toBe(etag);

    // 304: no body; the client keeps the one it holds under this tag, which parsed above.
    const notModified = await observed(() => ava.get("/api/me/activities", { "if-none-match": etag ?? "" }));
    expect(notModified).toMatchObject({ fastPath: true, hits: 1 });
    expect(notModified.response.status).toBe(304);
    expect(notModified.response.text).toBe("");
    expect(notModified.response.headers.get("etag")).toBe(etag);
  });

  it("on the route of record: loaded on a miss, warm, and 304 to the list's tag", async () => {
    const ben = await system.signIn("ben");
    const miss = await observed(() => ben.get("/api/me/activities", quotedSession(ben)));
    expect(miss).toMatchObject({ fastPath: false, misses: 1 });
    const loaded = parsed(activitiesBodySchema, miss.response);
    expect(loaded.enrolled).toBe(true);

    const warm = await observed(() => ben.get("/api/me/activities", quotedSession(ben)));
    expect(warm).toMatchObject({ fastPath: false, hits: 1, misses: 0 });
    expect(parsed(activitiesBodySchema, warm.response)).toEqual({
      ...loaded,
      freshness: { ...loaded.freshness, ageSeconds: expect.any(Number) },
    });
    const etag = warm.response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{22}"$/);

    const notModified = await observed(() =>
      ben.get("/api/me/activities", { ...quotedSession(ben), "if-none-match": etag }),
    );
    expect(notModified.fastPath).toBe(false);
    expect(notModified.response.status).toBe(304);
    expect(notModified.response.text).toBe("");
    expect(notModified.response.headers.get("etag")).toBe(etag);
  });

  it("a member CrowdTwist does not know, on both paths", async () => {
    const dana = await system.signIn("dana");
    const fast = await observed(() => dana.get("/api/me/activities"));
    const route = await observed(() => dana.get("/api/me/activities", quotedSession(dana)));
    expect([fast.fastPath, route.fastPath]).toEqual([true, false]);
    for (const { response } of [fast, route]) {
      expect(parsed(activitiesBodySchema, response)).toEqual({
        enrolled: false,
        activities: [],
        freshness: null,
      });
    }
  });
});

describe("POST /api/manager/preview-member: what is sent is what its type says", () => {
  const sandbox = (path: string, body?: unknown) =>
    fetch(`${system.sandbox.url}/sandbox${path}`, {
      method: "POST",
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });

  it("a member with a profile, a plan, history and segment changes; one by another id; one not enrolled", async () => {
    const manager = await system.signIn("morgan");
    const preview = (idType: string, userId: string) =>
      manager.post("/api/manager/preview-member", {
        idType,
        userId,
        reason: "Checking the preview's payload against its type",
      });
    // cleo's page with every part filled: a completion and a redemption (history), a segment left,
    // and her profile pushed (tier card and plan).
    for (const step of ["/members/cleo/complete/101", "/members/cleo/redeem/947563", "/members/cleo/push"]) {
      expect((await sandbox(step)).status).toBe(200);
    }
    expect((await sandbox("/members/cleo/segments/1628", { event: "exited" })).status).toBe(200);
    await expect
      .poll(
        async () => {
          const body = parsed(memberPreviewSchema, await preview("third_party_id", "cleo"));
          return {
            profile: body.profile !== null,
            history: body.history?.map((entry) => entry.kind).sort(),
            segments: body.segments?.length,
          };
        },
        { timeout: 10_000 },
      )
      .toEqual({ profile: true, history: ["earned", "redeemed"], segments: 1 });
    const full = parsed(memberPreviewSchema, await preview("third_party_id", "cleo"));
    if (!full.enrolled) throw new Error("cleo is enrolled");
    expect(full.activities.length).toBeGreaterThan(5);
    // Planned from her cached list, read back from its bytes.
    expect(full.profile?.plan).not.toBeNull();
    expect(full.history?.find((entry) => entry.kind === "redeemed")?.reward).not.toBeNull();

    const byOtherId = parsed(memberPreviewSchema, await preview("username", "cleo"));
    expect(byOtherId).toMatchObject({ enrolled: true, profile: null, history: null, segments: null });

    const notEnrolled = parsed(memberPreviewSchema, await preview("third_party_id", "dana"));
    expect(notEnrolled).toMatchObject({ enrolled: false, activities: [], freshness: null });
  });
});
