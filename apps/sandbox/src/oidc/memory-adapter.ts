import type { Adapter, AdapterPayload } from "oidc-provider";

// oidc-provider's built-in memory adapter prints a "you MUST change it" warning on every start.
// The sandbox is in-memory on purpose (a restart signs everyone out, which is fine for demo
// data), so it brings its own adapter: one store per provider, entries expire by their TTL.

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const SWEEP_EVERY = 500;

export function createMemoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const sessionIdByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();
  let writes = 0;

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry?.payload;
  };

  // Expired entries are otherwise only dropped when read; a long-running sandbox would grow.
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    for (const [uid, id] of sessionIdByUid) if (!entries.has(`Session:${id}`)) sessionIdByUid.delete(uid);
    for (const [grantId, keys] of keysByGrant) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) keysByGrant.delete(grantId);
    }
  };

  return (model) => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const expiresAt = typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : Infinity;
        entries.set(key, { payload, expiresAt });
        if (model === "Session" && typeof payload.uid === "string") sessionIdByUid.set(payload.uid, id);
        if (typeof payload.grantId === "string") {
          const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
          keysByGrant.set(payload.grantId, keys.add(key));
        }
        if (++writes % SWEEP_EVERY === 0) sweep();
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        const id = sessionIdByUid.get(uid);
        return id === undefined ? undefined : read(keyFor(id));
      },
      async findByUserCode() {
        // Device flow is not enabled, so there are no user codes to look up.
        return undefined;
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        const payload = read(keyFor(id));
        entries.delete(keyFor(id));
        if (typeof payload?.uid === "string" && sessionIdByUid.get(payload.uid) === id) {
          sessionIdByUid.delete(payload.uid);
        }
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
