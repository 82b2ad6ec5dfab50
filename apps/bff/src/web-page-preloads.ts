// The member's first answers, named in the app's page so the browser asks for them with the page's
// own script and style rather than after the script has arrived and run: on a phone's network that
// is the script's whole download earlier. The app's first requests (apps/web/src/app/app.tsx) are
// the same requests, and the browser hands them the preloaded answers: same address, a plain GET,
// the same mode and credentials (`crossorigin` = same-origin cookies), no header of the app's own
// (its reads carry no CSRF header: apps/web/src/lib/api-client.ts).
//
// Only with a session cookie, so a signed-out visit sends nothing that is bound to answer 401, and
// only on the pages whose first render uses the answer, so no preload goes unused.

import { SESSION_COOKIE_NAME } from "./auth/cookies.ts";

/** The pages that show the member's activities first: the home and an activity's own page. */
const ACTIVITIES_PAGE = /^\/(?:activities\/[^/]+\/?)?$/;

export type PagePreloads = "none" | "member" | "member-activities";

export const PRELOADED_PATHS: Record<PagePreloads, readonly string[]> = {
  none: [],
  member: ["/api/me"],
  "member-activities": ["/api/me", "/api/me/activities"],
};

/** Which answers a page request for `path` should name, from its Cookie header alone. */
export function pagePreloads(path: string, cookieHeader: string | undefined): PagePreloads {
  if (!cookieHeader?.includes(`${SESSION_COOKIE_NAME}=`)) return "none";
  return ACTIVITIES_PAGE.test(path) ? "member-activities" : "member";
}

/**
 * The page with a `<link rel="preload" as="fetch">` for each path, at the end of its head; a page
 * written without a head (HTML allows that) gets them after its title, as it gets the brand.
 */
export function withPreloads(html: string, paths: readonly string[]): string {
  if (paths.length === 0) return html;
  const links = paths.map((path) => `<link rel="preload" as="fetch" href="${path}" crossorigin>`).join("");
  const head = html.indexOf("</head>");
  if (head !== -1) return `${html.slice(0, head)}${links}${html.slice(head)}`;
  const title = html.indexOf("</title>");
  if (title === -1) return html;
  const at = title + "</title>".length;
  return `${html.slice(0, at)}${links}${html.slice(at)}`;
}
