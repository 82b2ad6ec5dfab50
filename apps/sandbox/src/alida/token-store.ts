import { randomBytes } from "node:crypto";

// The access tokens the sandbox's token endpoint has issued, with their expiry. Revoking them all
// lets tests (and the lead's fault injection) force the client down its 401 → refresh path.

export interface TokenStore {
  issue(): string;
  isValid(token: string): boolean;
  /** Forgets every issued token; returns how many were still valid. */
  revokeAll(): number;
}

export function createTokenStore(ttlSeconds: number, now: () => number = Date.now): TokenStore {
  const expiries = new Map<string, number>();

  function prune(): void {
    const at = now();
    for (const [token, expiresAt] of expiries) if (expiresAt <= at) expiries.delete(token);
  }

  return {
    issue() {
      prune();
      const token = randomBytes(32).toString("base64url");
      expiries.set(token, now() + ttlSeconds * 1000);
      return token;
    },
    isValid(token) {
      const expiresAt = expiries.get(token);
      return expiresAt !== undefined && now() < expiresAt;
    },
    revokeAll() {
      prune();
      const count = expiries.size;
      expiries.clear();
      return count;
    },
  };
}
