import { Pool } from "undici";

// One keep-alive pool per origin: the API and the token endpoint may live on different hosts, and
// a summary link is only ever followed on the API's own origin (checked by the client).

export interface PoolSet {
  get(origin: string): Pool;
  close(): Promise<void>;
}

export function createPoolSet(options: { connections?: number | undefined } = {}): PoolSet {
  const pools = new Map<string, Pool>();
  return {
    get(origin) {
      let pool = pools.get(origin);
      if (!pool) {
        pool = new Pool(origin, { connections: options.connections ?? 16 });
        pools.set(origin, pool);
      }
      return pool;
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((pool) => pool.close()));
    },
  };
}
