import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livePushBody } from "../live-push/profile-fixture.ts";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";

// The receiver over real HTTP: who may call, what bodies it takes, what each answer tells the sender.

const PATH = "/webhooks/crowdtwist/user-profile";
const json = { "content-type": "application/json" };
const keyed = { ...json, "x-api-key": LIVE_PUSH_API_KEY };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

interface Answer {
  outcome?: string;
  version?: number;
  third_party_id?: string;
  error: { code: string; message: string; requestId: string };
}

async function post(
  system: TestSystem,
  init: { headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array> },
) {
  const response = await fetch(`${system.portalUrl}${PATH}`, {
    method: "POST",
    headers: init.headers ?? keyed,
    body: init.body ?? JSON.stringify(livePushBody("ava")),
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    headers: response.headers,
    body: JSON.parse(text) as Answer,
  };
}

async function counter(system: TestSystem, name: string, label = ""): Promise<number> {
  const text = await system.bff.metrics.registry.metrics();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`${name}${label} `) || l.startsWith(`${name}${label}{`));
  return Number(line?.split(" ").pop() ?? 0);
}

describe("Live Push webhook", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      LIVE_PUSH_BASIC_USER: "crowdtwist",
      LIVE_PUSH_BASIC_PASSWORD: "basic-password-0123",
    });
  });
  afterAll(() => system?.close());

  it("stores a profile sent with the API key and answers 200 with the outcome", async () => {
    const answer = await post(system, {});
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: "stored", version: 1 });
    expect(answer.body).not.toHaveProperty("third_party_id");
    expect((await readMemberProfile(system.bff.db, "ava"))?.profile.fanLevelName).toBe("Tier 1");
  });

  it("accepts Basic credentials instead of the key", async () => {
    const answer = await post(system, {
      headers: { ...json, authorization: basic("crowdtwist", "basic-password-0123") },
    });
    expect(answer.status).toBe(200);
  });

  it.each([
    ["no credential", json],
    ["a wrong key", { ...json, "x-api-key": "wrong-key-0123456789" }],
    ["a wrong Basic password", { ...json, authorization: basic("crowdtwist", "nope") }],
    ["a Basic header that is not base64", { ...json, authorization: "Basic !!!" }],
  ])("refuses %s with 401 and says nothing more", async (_name, headers) => {
    const before = await counter(system, "live_push_auth_failures_total", '{reason="bad_credentials"}');
    const answer = await post(system, { headers });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({
      code: "unauthenticated",
      message: "Authentication required.",
      requestId: expect.any(String),
    });
    expect(answer.headers.get("www-authenticate")).toBe('Basic realm="live-push"');
    expect(answer.text).not.toMatch(/x-api-key|basic-password|test-live-push/i);
    expect(await counter(system, "live_push_auth_failures_total", '{reason="bad_credentials"}')).toBe(
      before + 1,
    );
  });

  it.each([
    ["no content type", { "x-api-key": LIVE_PUSH_API_KEY }],
    ["text/plain", { "x-api-key": LIVE_PUSH_API_KEY, "content-type": "text/plain" }],
    ["a form", { "x-api-key": LIVE_PUSH_API_KEY, "content-type": "application/x-www-form-urlencoded" }],
  ])("refuses %s with 415", async (_name, headers) => {
    const answer = await post(system, { headers });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe("unsupported_media_type");
  });

  it("takes application/json with a charset", async () => {
    expect(
      (await post(system, { headers: { ...keyed, "content-type": "application/json; charset=utf-8" } }))
        .status,
    ).toBe(200);
  });

  it("refuses a body over 256 KiB with 413, declared or chunked", async () => {
    const big = JSON.stringify({ ...livePushBody("ava"), padding: "x".repeat(300 * 1024) });
    const declared = await post(system, { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");
    expect(declared.headers.get("connection")).toBe("close");

    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const chunked = await post(system, { body: stream });
    expect(chunked.status).toBe(413);
    expect(await counter(system, "live_push_validation_failures_total", '{reason="too_large"}')).toBe(2);
  });

  it("takes a declared body of exactly 256 KiB, and one with a byte order mark, and refuses one byte more", async () => {
    const profile = JSON.stringify({ ...livePushBody("at-limit"), padding: "" });
    const exactly = profile.replace('"padding":""', `"padding":"${"x".repeat(256 * 1024 - profile.length)}"`);
    expect(Buffer.byteLength(exactly)).toBe(256 * 1024);
    expect((await post(system, { body: exactly })).status).toBe(200);
    expect((await post(system, { body: `${exactly} ` })).status).toBe(413);
    // A UTF-8 byte order mark is not part of the text (WHATWG decoding), so the JSON still parses.
    expect((await post(system, { body: `\uFEFF${JSON.stringify(livePushBody("bom"))}` })).status).toBe(200);
  });

  it("refuses malformed JSON with 400", async () => {
    const answer = await post(system, { body: '{"userName": "ava",' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("malformed_json");
  });

  it("refuses a body that fails the schema with 422 naming the paths, never the values", async () => {
    const body = JSON.stringify({ ...livePushBody("ava"), dateLastUpdated: "yesterday-ish" });
    const answer = await post(system, { body });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_profile");
    expect(answer.body.error.message).toMatch(/dateLastUpdated/);
    expect(answer.text).not.toContain("yesterday-ish");
  });

  it("answers 422 for a profile without the configured member id, so the sender stops retrying", async () => {
    const answer = await post(system, {
      body: JSON.stringify({ ...livePushBody("ava"), thirdPartyId: null }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: "no_member_id",
      message: expect.stringContaining("thirdPartyId"),
    });
  });

  it("answers only POST on the webhook path, in the API's error shape", async () => {
    const response = await fetch(`${system.portalUrl}${PATH}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("Live Push webhook behind an IP allowlist", () => {
  it("refuses a caller outside the allowlist with 403 before looking at credentials", async () => {
    const system = await startTestSystem({ LIVE_PUSH_ALLOWED_IPS: "203.0.113.0/24, 2001:db8::/32" });
    try {
      const answer = await post(system, {});
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: "forbidden", message: "Not allowed." });
      expect(await counter(system, "live_push_auth_failures_total", '{reason="ip_not_allowed"}')).toBe(1);
    } finally {
      await system.close();
    }
  });

  it("lets an allowed caller in, still checking its credentials", async () => {
    const system = await startTestSystem({ LIVE_PUSH_ALLOWED_IPS: "127.0.0.0/8,::1" });
    try {
      expect((await post(system, {})).status).toBe(200);
      expect((await post(system, { headers: json })).status).toBe(401);
    } finally {
      await system.close();
    }
  });

  it("answers with the third_party_id, without authentication, when sync is on", async () => {
    const system = await startTestSystem({
      LIVE_PUSH_ALLOWED_IPS: "127.0.0.1,::1",
      LIVE_PUSH_THIRD_PARTY_ID_SYNC: "true",
    });
    try {
      const answer = await post(system, { headers: json });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: "stored", third_party_id: "ava" });
    } finally {
      await system.close();
    }
  });
});
