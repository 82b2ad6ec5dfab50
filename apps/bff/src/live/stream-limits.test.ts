import { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { securityHeaderValues } from "../security/security-headers.ts";
import { type LiveTab, openLiveTab } from "../testing/live-tab.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// The live-update stream's headers and its caps, over real HTTP with the default settings: six
// streams per session (a browser's connections per host), fifty per client address.

let system: TestSystem;
const opened: LiveTab[] = [];
beforeAll(async () => {
  // Many sign-ins from one address in a minute: the sign-in rate limit is not what is tested here.
  system = await startTestSystem({ LOGIN_RATE_LIMIT_PER_MINUTE: "0" });
});
afterEach(async () => {
  for (const stream of opened.splice(0)) stream.close();
  await expect.poll(() => system.bff.hub.connections(), { timeout: 5_000 }).toBe(0);
});
afterAll(() => system.close());

async function open(agent: Agent): Promise<LiveTab> {
  const stream = await openLiveTab(system.portalUrl, agent);
  opened.push(stream);
  return stream;
}

async function openMany(agent: Agent, count: number): Promise<LiveTab[]> {
  const streams: LiveTab[] = [];
  for (let i = 0; i < count; i += 1) streams.push(await open(agent));
  return streams;
}

type ErrorBody = { error: { code: string; message: string; requestId: string } };
const errorOf = (stream: LiveTab) => JSON.parse(stream.text()) as ErrorBody;

/** Waits for the refused stream's whole JSON body. */
async function refusedBody(stream: LiveTab): Promise<ErrorBody> {
  await expect.poll(() => stream.ended(), { timeout: 5_000 }).toBe(true);
  return errorOf(stream);
}

describe("GET /api/me/events headers", () => {
  it("carry the security headers every response carries, and no-store", async () => {
    const ava = await system.signIn("ava");
    const stream = await open(ava);
    const page = await ava.get("/api/me");
    expect(stream.status).toBe(200);
    expect(stream.res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(stream.res.headers["cache-control"]).toBe("no-store");
    for (const [name, value] of Object.entries(securityHeaderValues({ production: false }))) {
      expect(page.headers.get(name), `${name} on /api/me`).toBe(value);
      expect(stream.res.headers[name], `${name} on the stream`).toBe(value);
    }
    expect(stream.res.headers["x-request-id"]).toMatch(/\S/);
  });
});

describe("streams per session", () => {
  it("are capped at six: the seventh gets 429 in our error shape while the six stay open", async () => {
    const ben = await system.signIn("ben");
    const six = await openMany(ben, 6);
    expect(six.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const seventh = await open(ben);
    expect(seventh.status).toBe(429);
    expect(seventh.res.headers["content-type"]).toContain("application/json");
    const body = await refusedBody(seventh);
    expect(body.error).toMatchObject({ code: "too_many_streams", requestId: expect.stringMatching(/\S/) });
    expect(body.error.message).toContain("6 tabs");
    expect(body.error.message).toContain("Close one");

    // The six still receive what is sent to the member.
    expect(system.bff.hub.publish("ben", { id: "900", event: "profile", data: '{"probe":1}' })).toBe(6);
    for (const stream of six) {
      await expect.poll(() => stream.text(), { timeout: 5_000 }).toContain('{"probe":1}');
      expect(stream.ended()).toBe(false);
    }
  });

  it("free a slot when a tab closes", async () => {
    const cleo = await system.signIn("cleo");
    const six = await openMany(cleo, 6);
    expect((await open(cleo)).status).toBe(429);
    six[0]?.close();
    // The slot is free once the server has seen the tab go; every attempt until then is refused.
    await expect.poll(async () => (await open(cleo)).status, { timeout: 5_000, interval: 50 }).toBe(200);
    expect((await open(cleo)).status).toBe(429);
  });

  it("count per session: the same member's other browser has its own six", async () => {
    const phone = await system.signIn("ava");
    const laptop = await system.signIn("ava");
    await openMany(phone, 6);
    expect((await open(phone)).status).toBe(429);
    const other = await openMany(laptop, 6);
    expect(other.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("are refused with 401 to a signed-out session's cookie, and not counted", async () => {
    const ben = await system.signIn("ben");
    const stale = new Agent(system.portalUrl);
    for (const [key, cookie] of ben.cookies) stale.cookies.set(key, { ...cookie });
    expect((await ben.post("/api/auth/logout")).status).toBe(200);
    const refused = await open(stale);
    expect(refused.status).toBe(401);
    expect((await refusedBody(refused)).error.code).toBe("unauthenticated");
    expect(system.bff.hub.connections()).toBe(0);
  });
});

describe("streams per client address", () => {
  it("are capped at fifty across sessions; a closed one frees a slot", async () => {
    const members = ["ava", "ben", "cleo"];
    const sessions: Agent[] = [];
    for (let i = 0; i < 9; i += 1) sessions.push(await system.signIn(members[i % 3] ?? "ava"));
    const held: LiveTab[] = [];
    // Eight sessions with six streams each, and two from a ninth: fifty from this address.
    for (const agent of sessions.slice(0, 8)) held.push(...(await openMany(agent, 6)));
    const ninth = sessions[8] as Agent;
    held.push(...(await openMany(ninth, 2)));
    expect(held.filter((s) => s.status === 200)).toHaveLength(50);

    // The ninth session is well under its own six, yet the address is full.
    const refused = await open(ninth);
    expect(refused.status).toBe(429);
    const body = await refusedBody(refused);
    expect(body.error.code).toBe("too_many_streams");
    expect(body.error.message).toContain("from your network");
    expect(system.bff.hub.connections()).toBe(50);

    held[0]?.close();
    await expect.poll(async () => (await open(ninth)).status, { timeout: 5_000, interval: 50 }).toBe(200);
    expect(system.bff.hub.connections()).toBe(50);
  });
});
