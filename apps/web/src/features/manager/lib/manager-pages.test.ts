import { expect, test } from "vitest";
import { managerPaths, matchManagerPage } from "./manager-pages.ts";

test.each([
  ["/manage", { name: "find" }],
  ["/manage/", { name: "find" }],
  ["/manage/activities/64", { name: "activity", id: "64" }],
  ["/manage/activities/a%20b/", { name: "activity", id: "a b" }],
  ["/manage/preview", { name: "preview" }],
  ["/manage/audit", { name: "audit" }],
  ["/manage/activities", { name: "not-found" }],
  ["/manage/else", { name: "not-found" }],
  ["/manage/activities/%E0%A4%A", { name: "not-found" }],
])("%s", (path, page) => expect(matchManagerPage(path)).toEqual(page));

test("deep links carry the tier", () => {
  expect(managerPaths.activity("64", "345")).toBe("/manage/activities/64?tier=345");
  expect(managerPaths.activity("64")).toBe("/manage/activities/64");
});
