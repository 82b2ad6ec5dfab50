import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import { freePort } from "../ports.ts";
import { startTestRedis, type TestRedis } from "../testing/redis.ts";
import { type CachedLoader, createCachedLoader } from "./cached-upstream.ts";
import { createRedisTier } from "./shared-tier.ts";
import { createSwrCache } from "./swr-cache.ts";

// Two "instances" (two cached loaders, each with its own memory) sharing one real Redis, and an
// upstream whose answers the test controls: one call for a key cold everywhere, and a forget during
// a load never lets that load's outdated answer be cached, here or in Redis.

let redis: TestRedis;
const connections: Redis[] = [];
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  for (const connection of connections) connection.disconnect();
  await redis.stop();
});

async function connection(): Promise<Redis> {
  const client = new Redis(redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
  });
  connections.push(client);
  await new Promise((ready) => client.once("ready", ready));
  return client;
}

let names = 0;
async function instances(count: number): Promise<CachedLoader<Uint8Array>[]> {
  names += 1;
  const name = `test${names}`;
  return Promise.all(
    Array.from({ length: count }, async () =>
      createCachedLoader<Uint8Array>({
        operation: "test",
        upstream: "crowdtwist",
        metrics: createMetrics({ defaultMetrics: false }),
        cache: createSwrCache<Uint8Array>({ freshMs: 30_000, staleMs: 600_000 }),
        shared: createRedisTier({
          redis: await connection(),
          subscriber: await connection(),
          name,
          freshMs: 30_000,
          ttlMs: 600_000,
          lockMs: 4_000,
          onError: () => {},
          revive: (stored) => stored,
        }),
      }),
    ),
  );
}

/** An upstream whose every answer the test releases by hand. */
function upstream() {
  let version = 0;
  const pending: (() => void)[] = [];
  return {
    calls: 0,
    /** The upstream changes (a push happened). */
    change() {
      version += 1;
    },
    release() {
      for (const go of pending.splice(0)) go();
    },
    loader() {
      return async () => {
        this.calls += 1;
        const read = version; // what the upstream says now
        await new Promise<void>((go) => pending.push(go));
        return Buffer.from(`version ${read}`);
      };
    },
  };
}

const text = (result: { bytes: Uint8Array }) => Buffer.from(result.bytes).toString();
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((done) => setTimeout(done, 10));
};

describe("the shared tier", () => {
  it("loads a key cold on every instance once, and every instance answers with it", async () => {
    const [a, b, c] = (await instances(3)) as [
      CachedLoader<Uint8Array>,
      CachedLoader<Uint8Array>,
      CachedLoader<Uint8Array>,
    ];
    const source = upstream();
    const answers = Promise.all(
      Array.from(
        { length: 30 },
        (_, i) => [a, b, c][i % 3]?.load("member", source.loader()) as Promise<{ bytes: Uint8Array }>,
      ),
    );
    await until(() => source.calls > 0);
    await new Promise((done) => setTimeout(done, 200)); // the others would have called by now
    source.release();
    const results = await answers;
    expect(source.calls).toBe(1);
    expect(new Set(results.map(text))).toEqual(new Set(["version 0"]));
  });

  it("a forget during a load: its callers get its answer, but no instance keeps it, here or in Redis", async () => {
    const [a, b] = (await instances(2)) as [CachedLoader<Uint8Array>, CachedLoader<Uint8Array>];
    const source = upstream();
    const before = a.load("member", source.loader());
    await until(() => source.calls === 1);
    // The upstream changes and the push forgets the member everywhere, while that load is out.
    source.change();
    await a.forget("member");
    b.forgetHere("member");
    // A request after the push does not join the outdated load: it starts its own.
    const after = b.load("member", source.loader());
    await until(() => source.calls === 2);
    source.release();
    expect(text(await before)).toBe("version 0");
    expect(text(await after)).toBe("version 1");
    // Neither instance nor Redis holds the outdated answer.
    expect(a.peek("member")).toBeUndefined();
    const third = source.loader();
    const onA = a.load("member", third);
    source.release();
    expect(text(await onA)).toBe("version 1");
    expect(source.calls).toBe(2);
  });

  it("after a gap in announcements an instance drops all it holds, and reloads from Redis, not the upstream", async () => {
    const [a] = (await instances(1)) as [CachedLoader<Uint8Array>];
    let calls = 0;
    const load = (key: string) =>
      a.load(key, async () => {
        calls += 1;
        return Buffer.from(key);
      });
    await load("one");
    await load("two");
    a.forgetAllHere();
    expect([a.peek("one"), a.peek("two")]).toEqual([undefined, undefined]);
    expect(text(await load("one"))).toBe("one");
    expect(calls).toBe(2);
  });

  it("without Redis, every load is made alone and nothing piles up while it is away", async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    const offline = () => {
      const client = new Redis(nowhere, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: false,
      });
      client.on("error", () => {});
      connections.push(client);
      return client;
    };
    const subscriber = offline();
    const loader = createCachedLoader<Uint8Array>({
      operation: "test",
      upstream: "crowdtwist",
      metrics: createMetrics({ defaultMetrics: false }),
      cache: createSwrCache<Uint8Array>({ freshMs: 0, staleMs: 0 }),
      shared: createRedisTier({
        redis: offline(),
        subscriber,
        name: "offline",
        freshMs: 30_000,
        ttlMs: 600_000,
        lockMs: 4_000,
        onError: () => {},
        revive: (stored) => stored,
      }),
    });
    let calls = 0;
    for (let i = 0; i < 20; i += 1) {
      const result = await loader.load(`member-${i}`, async () => {
        calls += 1;
        return Buffer.from("alone");
      });
      expect(text(result)).toBe("alone");
    }
    expect(calls).toBe(20);
    expect(subscriber.listenerCount("message")).toBe(1);
  });
});
