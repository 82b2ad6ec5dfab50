import { expect, test } from "vitest";
import { matchRoute } from "./router.tsx";

test.each([
  ["/", { name: "home" }],
  ["/activities/109", { name: "activity", id: "109" }],
  ["/activities/a%20b/", { name: "activity", id: "a b" }],
  ["/manage", { name: "manage" }],
  ["/manage/activities/1", { name: "manage" }],
  ["/signed-out", { name: "signed-out" }],
  ["/sign-in-failed", { name: "sign-in-failed" }],
  ["/history", { name: "history" }],
  ["/history/", { name: "history" }],
  ["/history/2", { name: "not-found" }],
  ["/signed-out/x", { name: "not-found" }],
  ["/managers", { name: "not-found" }],
  ["/activities", { name: "not-found" }],
  // A hand-typed address that is no URL encoding: nothing there, not an app that never starts.
  ["/activities/%E0%A4%A", { name: "not-found" }],
  ["/activities/%", { name: "not-found" }],
])("%s", (path, route) => expect(matchRoute(path)).toEqual(route));
