import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expirationBody,
  FEED_PATH,
  redemptionBody,
  segmentationBody,
  userActivityBody,
} from "../live-push/feeds/feed-fixtures.ts";
import { livePushBody } from "../live-push/profile-fixture.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";

// The fast path (webhook-fast-path.ts) must answer exactly as the webhooks' middleware chain does.
// Two systems, one with it and one without, get the same deliveries; their answers are compared
// whole (status, every header but the date and the instance's id, the bytes), and so are the
// counters, the request log lines and the stored rows; each case checks which path answered it.

const PROFILE = "/webhooks/crowdtwist/user-profile";
const BASIC_USER = "crowdtwist";
const BASIC_PASSWORD = "basic-password-0123";
const json = { "content-type": "application/json" };
const keyed = { ...json, "x-api-key": LIVE_PUSH_API_KEY };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

type Feed = keyof typeof FEED_PATH;
const FEED_BODIES: Record<Feed, (member: string, patch?: Record<string, unknown>) => unknown> = {
  user_activity: userActivityBody,
  user_redemption: redemptionBody,
  points_expiration: expirationBody,
  user_segmentation: segmentationBody,
};

interface Delivery {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent with Transfer-Encoding: chunked, in pieces of this many bytes, without a length. */
  chunked?: number;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let requests = 0;

/** One delivery over its own HTTP request; the request id is the case's own unless it sends one. */
function deliver(system: TestSystem, delivery: Delivery, requestId: string | null): Promise<Answer> {
  const url = new URL(delivery.path ?? PROFILE, system.portalUrl);
  const body = delivery.body === undefined ? undefined : Buffer.from(delivery.body);
  const headers: Record<string, string> = { ...(delivery.headers ?? keyed) };
  if (requestId !== null) headers["x-request-id"] = requestId;
  if (delivery.chunked) headers["transfer-encoding"] = "chunked";
  else if (body) headers["content-length"] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: delivery.method ?? "POST", headers, agent: false });
    let answered = false;
    // A server that answers before reading the whole body (413) may reset the rest of the upload.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    if (body && delivery.chunked) {
      for (let at = 0; at < body.byteLength; at += delivery.chunked) {
        request.write(body.subarray(at, at + delivery.chunked));
      }
      request.end();
    } else request.end(body);
  });
}

/** What must be equal between the two systems' answers. */
function comparable(answer: Answer, requestId: string | null) {
  const { date, "x-portal-instance": instance, "x-request-id": id, ...headers } = answer.headers;
  expect(date).toBeTruthy();
  expect(instance).toBeTruthy();
  if (requestId === null) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  else expect(id).toBe(requestId);
  let text = answer.text;
  if (requestId === null) {
    text = text.replaceAll(String(id), "<new id>");
    expect(JSON.parse(text)).toBeTruthy();
  }
  if (answer.headers["content-length"] !== undefined) {
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.text));
  }
  return { status: answer.status, headers, text };
}

/** The counters a delivery may move, and the lag histogram's count. */
async function counters(system: TestSystem) {
  const text = await system.bff.metrics.registry.metrics();
  return text
    .split("\n")
    .filter((line) => /^live_push_\w*(_total|_count)[{ ]/.test(line))
    .sort();
}

const fastPathAnswers = async (system: TestSystem) =>
  (await system.bff.metrics.webhookFastPathAnswers.get()).values.reduce((sum, v) => sum + v.value, 0);

/** A request's log lines, as much of them as any two servers share. */
function logLines(system: TestSystem, requestId: string) {
  return system.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.requestId === requestId)
    .map(({ level, msg, method, path, status, ip }) => ({ level, msg, method, path, status, ip }));
}

/** The rows deliveries store, without the times of arrival that differ between the two systems. */
async function storedRows(system: TestSystem) {
  const tables = [
    "member_profiles",
    "tier_history",
    "member_activity_history",
    "member_activity_completions",
    "member_redemptions",
    "member_point_expirations",
    "member_segments",
  ];
  const all: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await system.bff.db.query(`select * from ${table}`);
    all[table] = rows
      .map(({ id: _id, received_at: _r, recorded_at: _c, ...row }) => JSON.stringify(row))
      .sort();
  }
  return all;
}

/** Sends the same delivery to both systems and compares everything; returns the fast system's answer. */
async function expectSameAnswer(
  pair: { fast: TestSystem; chain: TestSystem },
  delivery: Delivery,
  expected: { fastPath: boolean; status: number },
  options: { sendsRequestId?: boolean } = {},
) {
  const requestId = options.sendsRequestId === false ? null : `case-${++requests}`;
  const before = await fastPathAnswers(pair.fast);
  const fromFast = await deliver(pair.fast, delivery, requestId);
  const tookFastPath = (await fastPathAnswers(pair.fast)) > before;
  const fromChain = await deliver(pair.chain, delivery, requestId);

  expect(comparable(fromFast, requestId)).toEqual(comparable(fromChain, requestId));
  expect(fromFast.status).toBe(expected.status);
  expect(tookFastPath).toBe(expected.fastPath);
  expect(await fastPathAnswers(pair.chain)).toBe(0);
  expect(await counters(pair.fast)).toEqual(await counters(pair.chain));
  const ids = [fromFast, fromChain].map((answer) => String(answer.headers["x-request-id"]));
  const [fastLog, chainLog] = [logLines(pair.fast, ids[0] ?? ""), logLines(pair.chain, ids[1] ?? "")];
  expect(fastLog).toEqual(chainLog);
  expect(fastLog).toContainEqual(
    expect.objectContaining({ status: expected.status, method: delivery.method ?? "POST" }),
  );
  return { status: fromFast.status, body: JSON.parse(fromFast.text) as Record<string, unknown>, fromFast };
}

describe("webhook deliveries on the fast path answer as the middleware chain does", () => {
  let pair: { fast: TestSystem; chain: TestSystem };
  const credentials = { LIVE_PUSH_BASIC_USER: BASIC_USER, LIVE_PUSH_BASIC_PASSWORD: BASIC_PASSWORD };
  beforeAll(async () => {
    const [fast, chain] = await Promise.all([
      startTestSystem(credentials),
      startTestSystem(credentials, { webhookFastPath: false }),
    ]);
    pair = { fast, chain };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([pair?.fast.close(), pair?.chain.close()]);
  });

  const profile = (member: string, options: Parameters<typeof livePushBody>[1] = {}) =>
    JSON.stringify(livePushBody(member, options));

  it("a profile stored, then the same again, then an older one", async () => {
    const body = profile("ava", { dateLastUpdated: 1_700_000_000 });
    const stored = await expectSameAnswer(pair, { body }, { fastPath: true, status: 200 });
    expect(stored.body).toEqual({ outcome: "stored", version: 1 });
    expect(stored.fromFast.headers["content-type"]).toBe("application/json");
    expect(stored.fromFast.headers["content-security-policy"]).toContain("default-src 'self'");
    const again = await expectSameAnswer(pair, { body }, { fastPath: true, status: 200 });
    expect(again.body).toEqual({ outcome: "duplicate", version: 1 });
    const older = profile("ava", { dateLastUpdated: 1_600_000_000, tier: "Tier 2" });
    const stale = await expectSameAnswer(pair, { body: older }, { fastPath: true, status: 200 });
    expect(stale.body).toEqual({ outcome: "stale", version: 1 });
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });

  it("Basic credentials, a charset, a byte order mark and a request id of its own", async () => {
    const headers = { ...json, authorization: basic(BASIC_USER, BASIC_PASSWORD) };
    await expectSameAnswer(pair, { headers, body: profile("basic") }, { fastPath: true, status: 200 });
    await expectSameAnswer(
      pair,
      { headers: { ...keyed, "content-type": "Application/JSON; charset=utf-8" }, body: profile("charset") },
      { fastPath: true, status: 200 },
    );
    await expectSameAnswer(pair, { body: `\uFEFF${profile("bom")}` }, { fastPath: true, status: 200 });
    await expectSameAnswer(
      pair,
      { body: profile("no-id") },
      { fastPath: true, status: 200 },
      { sendsRequestId: false },
    );
    await expectSameAnswer(
      pair,
      { headers: { ...keyed, "x-request-id": "bad id\u00e9" }, body: profile("bad-id") },
      { fastPath: true, status: 200 },
      { sendsRequestId: false },
    );
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });

  it.each(Object.keys(FEED_PATH) as Feed[])("a %s message stored, then again", async (feed) => {
    const delivery = { path: FEED_PATH[feed], body: JSON.stringify(FEED_BODIES[feed](`member-${feed}`)) };
    const stored = await expectSameAnswer(pair, delivery, { fastPath: true, status: 200 });
    expect(stored.body).toEqual({ outcome: "stored" });
    const again = await expectSameAnswer(pair, delivery, { fastPath: true, status: 200 });
    expect(again.body).toEqual({ outcome: "duplicate" });
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });

  it("bodies it answers with an error: malformed JSON, a profile or message that cannot be stored", async () => {
    const malformed = await expectSameAnswer(
      pair,
      { body: '{"userName": "ava",' },
      { fastPath: true, status: 400 },
    );
    expect(malformed.body).toMatchObject({ error: { code: "malformed_json" } });
    await expectSameAnswer(
      pair,
      { path: FEED_PATH.user_activity, body: "" },
      { fastPath: true, status: 400 },
    );
    const invalid = await expectSameAnswer(
      pair,
      { body: JSON.stringify({ ...livePushBody("ava"), dateLastUpdated: "yesterday-ish" }) },
      { fastPath: true, status: 422 },
    );
    expect(JSON.stringify(invalid.body)).toMatch(/dateLastUpdated/);
    await expectSameAnswer(
      pair,
      { body: JSON.stringify({ ...livePushBody("ava"), thirdPartyId: null }) },
      { fastPath: true, status: 422 },
    );
    await expectSameAnswer(
      pair,
      { path: FEED_PATH.user_redemption, body: JSON.stringify(redemptionBody("x", { orderDate: "soon" })) },
      { fastPath: true, status: 422 },
    );
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });

  it("the database unavailable (503) or refusing the data (422): the same error answers", async () => {
    const refuse = (code: string) => `
      create function refuse_orders() returns trigger language plpgsql as
        $$ begin raise exception 'refused' using errcode = '${code}'; end $$;
      create trigger refuse_orders before insert on member_redemptions for each row execute function refuse_orders();`;
    const allow = "drop trigger refuse_orders on member_redemptions; drop function refuse_orders();";
    const systems = [pair.fast, pair.chain];
    for (const [code, status] of [
      ["57P01", 503],
      ["22P02", 422],
    ] as const) {
      for (const system of systems) await system.bff.db.exec(refuse(code));
      try {
        const message = JSON.stringify(redemptionBody("outage", { orderId: `OUT-${code}` }));
        await expectSameAnswer(
          pair,
          { path: FEED_PATH.user_redemption, body: message },
          { fastPath: true, status },
        );
      } finally {
        for (const system of systems) await system.bff.db.exec(allow);
      }
    }
  });

  it("steps aside for what only the chain may judge, which answers as before", async () => {
    const body = profile("aside");
    const cases: [Delivery, number][] = [
      // Callers the chain refuses (and counts).
      [{ headers: json, body }, 401],
      [{ headers: { ...json, "x-api-key": "wrong-key-0123456789" }, body }, 401],
      [{ headers: { ...json, authorization: basic(BASIC_USER, "nope") }, body }, 401],
      // Bodies it does not take.
      [{ headers: { "x-api-key": LIVE_PUSH_API_KEY }, body }, 415],
      [{ headers: { ...keyed, "content-type": "text/plain" }, body }, 415],
      [{ headers: { ...keyed, "content-type": "application/json, text/plain" }, body }, 415],
      [{ body: JSON.stringify({ ...livePushBody("big"), padding: "x".repeat(300 * 1024) }) }, 413],
      [
        {
          body: JSON.stringify({ ...livePushBody("big"), padding: "x".repeat(300 * 1024) }),
          chunked: 16_384,
        },
        413,
      ],
      // A chunked body without a length, within the cap: the chain reads and stores it.
      [{ body: profile("chunked"), chunked: 512 }, 200],
      // Paths and methods it does not answer.
      [{ path: `${PROFILE}?source=ct`, body: profile("query") }, 200],
      [{ path: `${PROFILE}/`, body }, 404],
      [{ path: "/webhooks/crowdtwist/user-unknown", body }, 404],
      [{ method: "GET" }, 404],
      [{ method: "PUT", body }, 404],
    ];
    for (const [delivery, status] of cases) {
      await expectSameAnswer(pair, delivery, { fastPath: false, status });
    }
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });
});

describe("behind an allowlist with third-party-id sync, the fast path answers as the chain does", () => {
  let pair: { fast: TestSystem; chain: TestSystem };
  // Loopback is the proxy, believed for X-Forwarded-For, so a test can call from outside the list.
  const env = {
    TRUSTED_PROXIES: "127.0.0.1,::1",
    LIVE_PUSH_ALLOWED_IPS: "127.0.0.1,::1",
    LIVE_PUSH_THIRD_PARTY_ID_SYNC: "true",
  };
  beforeAll(async () => {
    const [fast, chain] = await Promise.all([
      startTestSystem(env),
      startTestSystem(env, { webhookFastPath: false }),
    ]);
    pair = { fast, chain };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([pair?.fast.close(), pair?.chain.close()]);
  });

  it("a profile without credentials answers with the member's third_party_id", async () => {
    const body = JSON.stringify(livePushBody("ava"));
    const stored = await expectSameAnswer(pair, { headers: json, body }, { fastPath: true, status: 200 });
    expect(stored.body).toEqual({ outcome: "stored", version: 1, third_party_id: "ava" });
    const again = await expectSameAnswer(pair, { headers: json, body }, { fastPath: true, status: 200 });
    expect(again.body).toMatchObject({ outcome: "duplicate", third_party_id: "ava" });
  });

  it("an address outside the list (403) and a feed without its credential (401) are the chain's", async () => {
    const outside = { ...json, "x-forwarded-for": "203.0.113.9" };
    await expectSameAnswer(
      pair,
      { headers: outside, body: JSON.stringify(livePushBody("ava")) },
      { fastPath: false, status: 403 },
    );
    const message = JSON.stringify(userActivityBody("sync-member"));
    await expectSameAnswer(
      pair,
      { path: FEED_PATH.user_activity, headers: json, body: message },
      { fastPath: false, status: 401 },
    );
    await expectSameAnswer(
      pair,
      { path: FEED_PATH.user_activity, body: message },
      { fastPath: true, status: 200 },
    );
    expect(await storedRows(pair.fast)).toEqual(await storedRows(pair.chain));
  });
});
