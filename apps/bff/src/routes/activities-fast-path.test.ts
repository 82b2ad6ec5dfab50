import { request as httpRequest } from "node:http";
import type { Agent, AgentResponse } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// The fast path (activities-fast-path.ts) must answer exactly as the API's middleware chain does. Two
// systems, one with it and one without, get the same requests from the same kind of browser; their
// answers are compared whole, except what differs between any two servers (date, request and
// instance ids, the list's age), and each case checks which path answered it.

const LIMIT = 80;
let fast: TestSystem;
let chain: TestSystem;
const browsers = new Map<TestSystem, Agent>();

beforeAll(async () => {
  [fast, chain] = await Promise.all([
    startTestSystem({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }),
    startTestSystem({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }, { activitiesFastPath: false }),
  ]);
  for (const system of [fast, chain]) {
    const agent = await system.signIn("ava");
    // The first request loads the list; from then on it is warm.
    expect((await agent.get("/api/me/activities")).status).toBe(200);
    browsers.set(system, agent);
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([fast?.close(), chain?.close()]);
});

const fastPathAnswers = async (system: TestSystem) =>
  (await system.bff.metrics.fastPathAnswers.get()).values.reduce((sum, v) => sum + v.value, 0);

/** Cache hits of members' lists, as the metrics count them. */
const cacheHits = async (system: TestSystem) =>
  (await system.bff.metrics.cacheEvents.get()).values
    .filter((v) => v.labels.event === "hit" && v.labels.cache === "crowdtwist_user_activities")
    .reduce((sum, v) => sum + v.value, 0);

const ABOUT_THIS_SERVER = new Set(["date", "x-request-id", "x-portal-instance", "keep-alive", "connection"]);

/** What must be equal between the two systems' answers. */
function comparable(response: AgentResponse) {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !ABOUT_THIS_SERVER.has(name) && name !== "content-length"),
  );
  const requestId = response.headers.get("x-request-id") ?? "";
  if (headers.etag) {
    expect(headers.etag).toMatch(/^"[\w-]{22}"$/);
    headers.etag = "<the list's tag>";
  }
  // Activity images are the system's own sandbox's, on its own port.
  const text = response.text.replace(/http:\/\/localhost:\d+/g, "<sandbox>");
  let body: unknown = text;
  if (text && response.headers.get("content-type")?.startsWith("application/json")) {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const error = parsed.error as { requestId?: string } | undefined;
    if (error) {
      expect(error.requestId).toBe(requestId);
      error.requestId = "<the request's id>";
    }
    const freshness = parsed.freshness as { fetchedAt?: unknown; ageSeconds?: unknown } | undefined;
    if (freshness) {
      expect(Date.parse(String(freshness.fetchedAt))).toBeGreaterThan(0);
      freshness.fetchedAt = "<when>";
      freshness.ageSeconds = "<age>";
    }
    body = parsed;
  }
  if (response.text && response.headers.has("content-length")) {
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(response.text));
  }
  return {
    status: response.status,
    headers,
    body,
    requestId: /^[\w.:-]{1,64}$/.test(requestId) ? "well-formed" : requestId,
    instance: response.headers.has("x-portal-instance"),
  };
}

/** A request with a body, which fetch does not send with GET. */
function withBody(agent: Agent, method: string, path: string, body: string): Promise<AgentResponse> {
  const url = new URL(path, agent.origin);
  const cookie = `__Host-portal.sid=${agent.cookie("__Host-portal.sid")}`;
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method,
      headers: { cookie, "content-length": Buffer.byteLength(body) },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === "string") headers.set(name, value);
        }
        resolve({
          status: response.statusCode ?? 0,
          url: url.href,
          location: headers.get("location"),
          headers,
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    });
    request.end(body);
  });
}

/** Sends the same request to both systems (from `agents`, ava's by default); which path took it. */
async function both(send: (agent: Agent) => Promise<AgentResponse>, agents = browsers) {
  const before = await fastPathAnswers(fast);
  const fromFast = await send(agents.get(fast) as Agent);
  const tookFastPath = (await fastPathAnswers(fast)) > before;
  const fromChain = await send(agents.get(chain) as Agent);
  expect(await fastPathAnswers(chain)).toBe(0);
  return { fromFast, fromChain, tookFastPath };
}

async function expectSameAnswer(
  send: (agent: Agent) => Promise<AgentResponse>,
  fastPath: boolean,
  agents = browsers,
) {
  const { fromFast, fromChain, tookFastPath } = await both(send, agents);
  expect(comparable(fromFast)).toEqual(comparable(fromChain));
  expect(tookFastPath).toBe(fastPath);
  return fromFast;
}

/** The same account signed in on both systems. */
async function signedIn(username: string) {
  const agents = new Map<TestSystem, Agent>();
  for (const system of [fast, chain]) agents.set(system, await system.signIn(username));
  return agents;
}

describe("GET /api/me/activities on the fast path answers as the middleware chain does", () => {
  it("a warm list: the same status, headers and bytes, and the same cache events", async () => {
    const hitsBefore = await Promise.all([cacheHits(fast), cacheHits(chain)]);
    const response = await expectSameAnswer((agent) => agent.get("/api/me/activities"), true);
    const hitsAfter = await Promise.all([cacheHits(fast), cacheHits(chain)]);
    expect(hitsAfter[0] - hitsBefore[0]).toBe(1);
    expect(hitsAfter[1] - hitsBefore[1]).toBe(1);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{22}"$/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.json<{ enrolled: boolean }>().enrolled).toBe(true);
  });

  it("If-None-Match: 304 for the current tag in every spelling, 200 for another", async () => {
    // Each system's own tag (their lists name their own sandbox, so the bytes differ).
    const tags = new Map<Agent, string>();
    await both(async (agent) => {
      const response = await agent.get("/api/me/activities");
      tags.set(agent, response.headers.get("etag") ?? "");
      return response;
    });
    const spellings = [
      (tag: string) => tag,
      (tag: string) => `W/${tag}`,
      (tag: string) => `"other", ${tag}`,
      () => "*",
    ];
    for (const spell of spellings) {
      const response = await expectSameAnswer(
        (agent) => agent.get("/api/me/activities", { "if-none-match": spell(tags.get(agent) ?? "") }),
        true,
      );
      expect(response.status).toBe(304);
      expect(response.text).toBe("");
    }
    const other = await expectSameAnswer(
      (agent) => agent.get("/api/me/activities", { "if-none-match": '"other"' }),
      true,
    );
    expect(other.status).toBe(200);
  });

  it("a proxy's request id is kept when it looks like one and replaced when not", async () => {
    const kept = await expectSameAnswer(
      (agent) => agent.get("/api/me/activities", { "x-request-id": "haproxy-1:2.3" }),
      true,
    );
    expect(kept.headers.get("x-request-id")).toBe("haproxy-1:2.3");
    const { fromFast, fromChain } = await both((agent) =>
      agent.get("/api/me/activities", { "x-request-id": "bad id\u00e9" }),
    );
    for (const response of [fromFast, fromChain]) {
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("a list not loaded yet: loaded as the route loads it", async () => {
    const ben = await signedIn("ben");
    const response = await expectSameAnswer((agent) => agent.get("/api/me/activities"), true, ben);
    expect(response.json<{ enrolled: boolean }>().enrolled).toBe(true);
  });

  it("a member CrowdTwist does not know: the same 'not enrolled' answer", async () => {
    const dana = await signedIn("dana");
    const response = await expectSameAnswer((agent) => agent.get("/api/me/activities"), true, dana);
    expect(response.json()).toEqual({ enrolled: false, activities: [], freshness: null });
  });

  it("CrowdTwist down with nothing cached: the same error answer", async () => {
    const cleo = await signedIn("cleo");
    for (const system of [fast, chain]) system.sandbox.fault({ target: "crowdtwist", status: 503 });
    try {
      const response = await expectSameAnswer((agent) => agent.get("/api/me/activities"), true, cleo);
      expect(response.status).toBe(503);
      expect(response.json()).toMatchObject({ error: { code: "upstream_unavailable" } });
    } finally {
      for (const system of [fast, chain]) system.sandbox.clearFaults();
    }
  });

  it("a query string changes nothing", async () => {
    await expectSameAnswer((agent) => agent.get("/api/me/activities?member=someone-else"), true);
  });

  it("steps aside for what only the chain may judge, which answers as before", async () => {
    const sessionCookie = (agent: Agent) => `__Host-portal.sid=${agent.cookie("__Host-portal.sid")}`;
    const cases: ((agent: Agent) => Promise<AgentResponse>)[] = [
      // A cookie only the full parser reads (quoted), duplicated, or none at all.
      (agent) =>
        agent.get("/api/me/activities", {
          cookie: `__Host-portal.sid="${agent.cookie("__Host-portal.sid")}"`,
        }),
      (agent) =>
        agent.get("/api/me/activities", { cookie: `${sessionCookie(agent)}; ${sessionCookie(agent)}` }),
      (agent) => agent.get("/api/me/activities", { cookie: "" }),
      (agent) =>
        agent.get("/api/me/activities", {
          cookie: "__Host-portal.sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        }),
      // Other methods, and a GET with a body.
      (agent) => agent.request("HEAD", "/api/me/activities"),
      (agent) => agent.request("POST", "/api/me/activities", { body: "{}", headers: { "x-csrf": "1" } }),
      (agent) => withBody(agent, "GET", "/api/me/activities", "hello"),
    ];
    for (const send of cases) await expectSameAnswer(send, false);
  });

  it("logs its requests like the chain, without the session id", async () => {
    const id = `warm-log-${Date.now()}`;
    await expectSameAnswer((agent) => agent.get("/api/me/activities", { "x-request-id": id }), true);
    const line = fast.logs.find((l) => l.includes(id));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      requestId: id,
      method: "GET",
      path: "/api/me/activities",
    });
    const sessionId = browsers.get(fast)?.cookie("__Host-portal.sid") ?? "";
    expect(fast.logs.join("\n")).not.toContain(sessionId);
  });

  it("counts each request once against the limits, and refuses alike when over them", async () => {
    const answers = { warm: [] as number[], chain: [] as number[] };
    let refused: Awaited<ReturnType<typeof both>> | null = null;
    for (let i = 0; i < LIMIT + 5 && !refused; i++) {
      const round = await both((agent) => agent.get("/api/me/activities"));
      answers.warm.push(round.fromFast.status);
      answers.chain.push(round.fromChain.status);
      if (round.fromFast.status === 429 || round.fromChain.status === 429) refused = round;
    }
    // Both systems saw the same requests from the start of this file: they refuse at the same one.
    expect(answers.warm).toEqual(answers.chain);
    if (!refused) throw new Error(`no 429 after ${LIMIT + 5} requests`);
    expect(refused.tookFastPath).toBe(true);
    // How long to wait counts from each server's own window, which began at its own first request
    // (the two systems are set up one after the other): the seconds may differ by one, nothing else.
    const waits = [refused.fromFast, refused.fromChain].map((answer) =>
      Number(answer.headers.get("retry-after")),
    );
    expect(Math.abs((waits[0] ?? 0) - (waits[1] ?? 0))).toBeLessThanOrEqual(1);
    const sameWait = (answer: AgentResponse) =>
      comparable({
        ...answer,
        // (The length follows the number's digits: it is checked against the real text above.)
        headers: new Headers(
          [...answer.headers].filter(([name]) => name !== "retry-after" && name !== "content-length"),
        ),
        text: answer.text.replace(/Try again in \d+ seconds/, "Try again in <n> seconds"),
      });
    expect(sameWait(refused.fromFast)).toEqual(sameWait(refused.fromChain));
    expect(refused.fromFast.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.fromFast.json()).toMatchObject({ error: { code: "rate_limited" } });
  });
});
