import { hash, timingSafeEqual } from "node:crypto";
import type { Account, AccountClaims } from "oidc-provider";
import type { DemoAccount } from "./provider.ts";

/** Which claims each scope releases; oidc-provider filters `Account.claims()` output by this map. */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ["sub"],
  profile: ["name", "preferred_username"],
  email: ["email", "email_verified"],
  roles: ["roles"],
};

// Hashing first gives equal-length buffers, which timingSafeEqual requires, without leaking the
// stored password's length through an early length check.
function digest(value: string): Buffer {
  return hash("sha256", value, "buffer");
}

export interface AccountStore {
  /** The account whose username and password both match, else undefined. */
  verify(username: string, password: string): DemoAccount | undefined;
  find(username: string): Account | undefined;
}

export function createAccountStore(accounts: readonly DemoAccount[]): AccountStore {
  const byUsername = new Map(accounts.map((account) => [account.username, account]));
  // Unknown usernames still pay for a comparison so response time does not reveal which exist.
  const decoy = digest("unknown-account-decoy");

  return {
    verify(username, password) {
      const account = byUsername.get(username);
      const matches = timingSafeEqual(digest(password), account ? digest(account.password) : decoy);
      return matches && account ? account : undefined;
    },
    find(username) {
      const account = byUsername.get(username);
      if (!account) return undefined;
      const claims: AccountClaims = {
        sub: account.username,
        name: account.name,
        preferred_username: account.username,
        email: account.email,
        // Demo addresses are not real mailboxes; they count as verified (so the BFF can map members by
        // them) except on the one account that shows a sign-in refused for an unverified address.
        email_verified: account.emailVerified ?? true,
        roles: [account.role],
      };
      return { accountId: account.username, claims: async () => claims };
    },
  };
}
