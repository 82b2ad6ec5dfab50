import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";

/**
 * Where the "Sign in" link points: a full-page navigation through the BFF to the identity provider,
 * back to `returnTo` afterwards. Built from the typed routes so the path cannot drift; `$url` needs
 * an absolute base, hence this page's origin rather than the shared client's "/".
 */
export function signInHref(returnTo: string): string {
  const url = hc<AppType>(window.location.origin).api.auth.login.$url({ query: { returnTo } });
  return `${url.pathname}${url.search}`;
}

export const currentPath = () => `${window.location.pathname}${window.location.search}`;
