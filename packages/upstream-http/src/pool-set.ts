import { type Dispatcher, Pool } from "undici";

// One keep-alive pool per origin: a client may speak to more than one host (Alida's API and its
// token endpoint), and each host keeps its own connections. A dispatcher handed in (an Agent, a
// MockAgent…) serves every origin instead and is left open by `close()`: whoever made it closes it.

export interface PoolSet {
  get(origin: string): Dispatcher;
  close(): Promise<void>;
}

export function createPoolSet(options: {
  /** Keep-alive connections per origin. */
  connections: number;
  dispatcher?: Dispatcher | undefined;
}): PoolSet {
  const pools = new Map<string, Pool>();
  return {
    get(origin) {
      if (options.dispatcher) return options.dispatcher;
      let pool = pools.get(origin);
      if (!pool) {
        pool = new Pool(origin, { connections: options.connections });
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
