import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestFrom } from "../testing/request-from.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";

// Over real HTTP, with 127.0.0.1 as the trusted proxy: requests from 127.0.0.1 play "through the
// proxy", requests bound to 127.0.0.2+ play a client that reached the BFF directly.

let system: TestSystem;
let bffUrl: string;
beforeAll(async () => {
  system = await startTestSystem({
    TRUSTED_PROXIES: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: "3",
    LOGIN_RATE_LIMIT_PER_MINUTE: "2",
    LIVE_PUSH_ALLOWED_IPS: "203.0.113.50",
  });
  bffUrl = `http://127.0.0.1:${new URL(system.portalUrl).port}`;
});
afterAll(() => system.close());

async function statuses(count: number, from: string, forwardedFor: (i: number) => string | undefined) {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const header = forwardedFor(i);
    const response = await requestFrom(`${bffUrl}/api/me/activities`, {
      from,
      headers: header === undefined ? {} : { "x-forwarded-for": header },
    });
    seen.push(response.status);
  }
  return seen;
}

describe("the client address behind a trusted proxy", () => {
  it("gives each forwarded client its own rate-limit bucket", async () => {
    expect(await statuses(4, "127.0.0.1", () => "203.0.113.1")).toEqual([401, 401, 401, 429]);
    expect(await statuses(4, "127.0.0.1", () => "203.0.113.2")).toEqual([401, 401, 401, 429]);
    // What a client writes itself lands to the left of what the proxy appends, and is not read.
    expect(await statuses(1, "127.0.0.1", () => "198.51.100.99, 203.0.113.1")).toEqual([429]);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    // A fresh claimed address on every request would be a fresh bucket if the header were believed.
    expect(await statuses(4, "127.0.0.2", (i) => `198.51.100.${i + 1}`)).toEqual([401, 401, 401, 429]);
    // Claiming to be the trusted proxy does not help either.
    expect(await statuses(4, "127.0.0.3", () => "127.0.0.1")).toEqual([401, 401, 401, 429]);
  });

  it("logs the forwarded client, and the peer itself when it is not trusted", async () => {
    await requestFrom(`${bffUrl}/api/health`, {
      from: "127.0.0.1",
      headers: { "x-forwarded-for": "203.0.113.7", "x-request-id": "log-through-proxy" },
    });
    await requestFrom(`${bffUrl}/api/health`, {
      from: "127.0.0.4",
      headers: { "x-forwarded-for": "203.0.113.8", "x-request-id": "log-direct" },
    });
    const logged = (requestId: string) =>
      system.logs
        .map((line) => JSON.parse(line) as { requestId?: string; ip?: string })
        .find((entry) => entry.requestId === requestId);
    expect(logged("log-through-proxy")).toMatchObject({ ip: "203.0.113.7" });
    expect(logged("log-direct")).toMatchObject({ ip: "127.0.0.4" });
  });

  it("checks the webhook's allowlist against the forwarded client", async () => {
    const push = (from: string, forwardedFor?: string) =>
      requestFrom(`${bffUrl}/webhooks/crowdtwist/user-profile`, {
        from,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-api-key": LIVE_PUSH_API_KEY,
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
        body: "{",
      });
    // Past the allowlist, then refused for the (malformed) body: the address was allowed.
    expect((await push("127.0.0.1", "203.0.113.50")).status).toBe(400);
    expect((await push("127.0.0.1")).status).toBe(403); // the proxy itself is not the sender
    expect((await push("127.0.0.2", "203.0.113.50")).status).toBe(403); // spoofed, not believed
  });
});

describe("signing out", () => {
  it("is never refused by a rate limit: not per address, per session or for sign-ins", async () => {
    const ava = await system.signIn("ava"); // uses both sign-in slots of 127.0.0.1 (limit 2)
    const sessionId = ava.cookie("__Host-portal.sid");
    expect(sessionId).toBeDefined();
    // The sign-in bucket is full: refused as "busy" (a 429, or the sign-in failure page's redirect).
    const login = await ava.get("/api/auth/login");
    expect(login.status === 429 || login.location?.includes("reason=busy"), login.text).toBe(true);
    // The same session from fresh addresses fills the session's bucket (limit 3).
    const fromElsewhere = (n: number) => ava.get("/api/me", { "x-forwarded-for": `203.0.113.${70 + n}` });
    expect([(await fromElsewhere(1)).status, (await fromElsewhere(2)).status]).toEqual([200, 200]);
    expect((await fromElsewhere(3)).status).toBe(200);
    expect((await fromElsewhere(4)).json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await ava.get("/api/me")).status).toBe(429); // and 127.0.0.1's own bucket is full

    const signedOut = await ava.post("/api/auth/logout");
    expect(signedOut.status).toBe(200);
    expect(signedOut.json()).toMatchObject({ logoutUrl: expect.any(String) });
    expect(ava.cookie("__Host-portal.sid")).toBeUndefined();
    expect(await system.bff.sessions.get(sessionId ?? "")).toBeNull();
    // Again, now without a session: still answered, still not counted.
    expect((await ava.post("/api/auth/logout")).status).toBe(200);
  });
});
