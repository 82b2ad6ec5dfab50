import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../testing/redis.ts";
import { requestFrom } from "../testing/request-from.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// Redis only accelerates (shared rate-limit counts, the shared activities cache): when it dies, the
// portal goes on answering at its usual speed, each instance counting and caching for itself, and
// uses Redis again once it is back.

let redis: TestRedis;
let system: TestSystem;
let inspect: Redis;
beforeAll(async () => {
  redis = await startTestRedis();
  system = await startTestSystem({ REDIS_URL: redis.url, LOGIN_RATE_LIMIT_PER_MINUTE: "5" });
  inspect = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
});
afterAll(async () => {
  inspect?.disconnect();
  await system?.close();
  await redis?.stop();
});

const sharedKeys = async () => {
  if (inspect.status !== "ready") {
    inspect.disconnect();
    await inspect.connect();
  }
  return inspect.keys("portal:cache:activities:*");
};

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe("a Redis outage", () => {
  it("costs nothing a member sees: sign-in, activities and limits go on without it, and it is used again when back", async () => {
    const ava = await system.signIn("ava");
    expect((await ava.get("/api/me/activities")).status).toBe(200);
    expect((await sharedKeys()).some((key) => key.endsWith(":ava"))).toBe(true);

    await redis.kill();
    // A member already cached, a member loaded cold, and a fresh sign-in: all answered, promptly.
    const cached = await timed(() => ava.get("/api/me/activities"));
    expect(cached.value.status).toBe(200);
    const ben = await system.signIn("ben");
    const cold = await timed(() => ben.get("/api/me/activities"));
    expect(cold.value.status).toBe(200);
    expect(cached.ms).toBeLessThan(1_500);
    expect(cold.ms).toBeLessThan(2_500);
    // The sign-in limit still holds, counted in this instance's memory.
    const statuses: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await requestFrom(`${system.portalUrl}/api/auth/login`, { from: "127.0.0.9" });
      statuses.push(String(response.headers.location ?? ""));
    }
    expect(statuses.slice(0, 5).every((location) => !location.includes("sign-in-failed"))).toBe(true);
    expect(statuses[5]).toMatch(/sign-in-failed\?reason=busy/);
    expect(await (await fetch(`${system.portalUrl}/api/ready`)).status).toBe(200);

    await redis.start();
    // ioredis retries at most every 2 s: after that, a cold load is shared again.
    await new Promise((done) => setTimeout(done, 3_000));
    const cleo = await system.signIn("cleo");
    expect((await cleo.get("/api/me/activities")).status).toBe(200);
    expect((await sharedKeys()).some((key) => key.endsWith(":cleo"))).toBe(true);
  }, 40_000);
});
