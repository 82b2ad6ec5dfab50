// The BFF sets a readable cookie beside the (HttpOnly) session cookie: "a session may exist" (see
// apps/bff/src/auth/cookies.ts). Without it nobody is signed in, so the page asks `/api/me` alone and
// sends no request that is bound to answer 401. With it, the member's data is asked for alongside
// `/api/me` rather than after it. It decides nothing: `/api/me` says who is signed in.

const HINT = "__Host-portal.signed-in=1";

export function maybeSignedIn(cookie: string): boolean {
  return cookie.split(";").some((pair) => pair.trim() === HINT);
}
