import { Redis } from "ioredis";

// The Redis connections the BFF opens when REDIS_URL is set. Redis is an accelerator here, never a
// place where anything is only stored: a command that cannot be sent fails at once (no offline
// queue) and within half a second, and its caller carries on without Redis (counts in memory, loads
// without the shared cache) until the connection comes back.

export interface RedisConnections {
  /** Commands. */
  client: Redis;
  /** Subscriptions (a connection in subscriber mode can do nothing else). */
  subscriber: Redis;
  /** Resolves when both connections are up, or after `ms` (the portal starts without Redis then). */
  ready(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

export function connectRedis(url: string, onError: (error: Error) => void): RedisConnections {
  let lastReport = 0;
  // A Redis that is down reports every reconnect attempt; once per 10 s is enough for the log.
  const report = (error: Error) => {
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    onError(error);
  };
  const open = () => {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      lazyConnect: false,
    });
    redis.on("error", report);
    return redis;
  };
  const client = open();
  const subscriber = open();
  const up = (redis: Redis, ms: number) =>
    redis.status === "ready"
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          redis.once("ready", () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
  return {
    client,
    subscriber,
    async ready(ms) {
      const [a, b] = await Promise.all([up(client, ms), up(subscriber, ms)]);
      return a && b;
    },
    async close() {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
