import { describe, expect, it } from "vitest";
import { alidaActivitySummarySchema } from "./summary.ts";

const documentExample = {
  distributionStatus: "Open",
  memberEvents: { surveyInvited: 1200, surveyStarted: 640, surveyCompleted: 512 },
  createDate: "2026-02-20T11:00:00Z",
  lastUpdateDate: "2026-03-12T08:00:00Z",
  createdBy: "1a3c5e7f-9b2d-4f6a-8c0e-2b4d6f8a0c11",
  lastUpdatedBy: "1a3c5e7f-9b2d-4f6a-8c0e-2b4d6f8a0c11",
  links: [],
  href: "https://api.us.alida.com/c/services/api/v1/tenants/4c2f8e6a/activities/6f1c2a4e/summary",
};

describe("alidaActivitySummarySchema", () => {
  it("parses the document's example", () => {
    expect(alidaActivitySummarySchema.parse(documentExample)).toEqual({
      ...documentExample,
      distributionStatus: "open",
      createDate: new Date("2026-02-20T11:00:00Z"),
      lastUpdateDate: new Date("2026-03-12T08:00:00Z"),
    });
  });

  it.each([
    ["Pending", "pending"],
    ["OPEN", "open"],
    ["closed", "closed"],
  ])("normalises distributionStatus %s", (distributionStatus, expected) => {
    expect(alidaActivitySummarySchema.parse({ distributionStatus }).distributionStatus).toBe(expected);
  });

  it("defaults missing member events and links to empty, and reads counts sent as strings", () => {
    expect(alidaActivitySummarySchema.parse({})).toEqual({ memberEvents: {}, links: [] });
    expect(alidaActivitySummarySchema.parse({ memberEvents: { forumPosted: "143" } }).memberEvents).toEqual({
      forumPosted: 143,
    });
  });

  it("rejects counts that are not whole numbers", () => {
    expect(alidaActivitySummarySchema.safeParse({ memberEvents: { surveyInvited: -1 } }).success).toBe(false);
    expect(alidaActivitySummarySchema.safeParse({ memberEvents: { surveyInvited: "many" } }).success).toBe(
      false,
    );
  });
});
