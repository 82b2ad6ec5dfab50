import { describe, expect, test } from "vitest";
import { PRELOADED_PATHS, pagePreloads, withPreloads } from "./web-page-preloads.ts";

const session = `__Host-portal.sid=${"a".repeat(43)}`;

describe("the first answers a page names for the browser to fetch with it", () => {
  test.each([
    ["the home, signed in", "/", session, "member-activities"],
    ["an activity's page, signed in", "/activities/101", session, "member-activities"],
    ["an activity's page with a trailing slash", "/activities/101/", session, "member-activities"],
    ["the points history: no activities on it", "/history", session, "member"],
    ["the manager area: no activities on it", "/manage", session, "member"],
    ["a page that does not exist", "/activities/101/more", session, "member"],
    ["the session cookie among others", "/", `__Host-portal.locale=fr; ${session}`, "member-activities"],
    ["signed out: nothing bound to answer 401", "/", undefined, "none"],
    ["only the readable hint, no session cookie", "/", "__Host-portal.signed-in=1", "none"],
    ["a cookie named like the session without its prefix", "/", `portal.sid=${"a".repeat(43)}`, "none"],
  ])("%s", (_case, path, cookie, expected) => {
    expect(pagePreloads(path, cookie)).toBe(expected);
  });

  test("each path is one preload link at the end of the head, in order", () => {
    const page = '<html><head><title>x</title></head><body><div id="root"></div></body></html>';
    expect(withPreloads(page, PRELOADED_PATHS["member-activities"])).toBe(
      '<html><head><title>x</title><link rel="preload" as="fetch" href="/api/me" crossorigin>' +
        '<link rel="preload" as="fetch" href="/api/me/activities" crossorigin></head><body><div id="root"></div></body></html>',
    );
    expect(withPreloads(page, PRELOADED_PATHS.none)).toBe(page);
  });

  test("a page written without a head gets them after its title; one without a title as it is", () => {
    expect(withPreloads("<html><title>x</title><div id=root></div></html>", PRELOADED_PATHS.member)).toBe(
      '<html><title>x</title><link rel="preload" as="fetch" href="/api/me" crossorigin><div id=root></div></html>',
    );
    const bare = "<html><div id=root></div></html>";
    expect(withPreloads(bare, PRELOADED_PATHS.member)).toBe(bare);
  });
});
