import { SignOutButton } from "../../features/auth/components/sign-out-button.tsx";
import { useAfter } from "../../lib/use-after.ts";

/**
 * How long the page may load before its header offers to sign out. Most loads are done by then, so
 * visitors who are signed out do not see "Sign out" flash before the landing page's "Sign in".
 */
export const SIGN_OUT_AFTER_MS = 2_000;

/**
 * The header while `/api/me` is on its way, so nobody knows yet who is signed in: a load that drags
 * on must not hold a member hostage (on a shared computer above all). Signing out without a session
 * is harmless: the BFF answers with the provider's sign-out all the same.
 */
export function LoadingActions() {
  return useAfter(SIGN_OUT_AFTER_MS) ? <SignOutButton /> : null;
}
