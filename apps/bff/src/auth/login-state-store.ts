import { createHash } from "node:crypto";
import type { Database } from "../db/database.ts";

// A sign-in under way: the PKCE verifier, nonce and return address the callback needs. Stored
// server-side under the hash of `state`, taken (deleted) by the first callback that names it, so a
// replayed or foreign callback finds nothing.

export interface LoginState {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

const LIFETIME_MS = 10 * 60_000;
const hashState = (state: string) => createHash("sha256").update(state).digest("base64url");

export function createLoginStateStore(db: Database, now: () => Date = () => new Date()) {
  return {
    async save(state: string, value: LoginState): Promise<void> {
      const at = now();
      await db.query(
        `insert into login_states (state_hash, code_verifier, nonce, return_to, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          hashState(state),
          value.codeVerifier,
          value.nonce,
          value.returnTo,
          at,
          new Date(at.getTime() + LIFETIME_MS),
        ],
      );
      // Old attempts that never came back are dropped on the way.
      await db.query("delete from login_states where expires_at <= $1", [at]);
    },

    async take(state: string): Promise<LoginState | null> {
      const rows = await db.query<{
        code_verifier: string;
        nonce: string;
        return_to: string;
        expires_at: Date;
      }>(
        "delete from login_states where state_hash = $1 returning code_verifier, nonce, return_to, expires_at",
        [hashState(state)],
      );
      const row = rows[0];
      if (!row || new Date(row.expires_at) <= now()) return null;
      return { codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
    },
  };
}
export type LoginStateStore = ReturnType<typeof createLoginStateStore>;
