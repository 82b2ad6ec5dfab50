import { apiPath } from "./api-client.ts";

/**
 * Where the "Sign in" link points: a full-page navigation through the BFF to the identity provider,
 * back to `returnTo` afterwards. Built from the typed routes so the path cannot drift.
 */
export function signInHref(returnTo: string): string {
  return apiPath((routes) => routes.api.auth.login.$url({ query: { returnTo } }));
}

export const currentPath = () => `${window.location.pathname}${window.location.search}`;
