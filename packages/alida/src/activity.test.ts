import { describe, expect, it } from "vitest";
import { ALIDA_ACTIVITY_FIELDS, alidaActivitySchema } from "./activity.ts";

// The document's "Example GET Response" with its placeholders filled in.
const documentExample = {
  id: "6f1c2a4e-3b7d-4e8a-9c1f-2d5b7e9a1c30",
  sourceId: "9d2e4b6a-8c1f-4a3e-b5d7-0f2a4c6e8b13",
  activityType: "Survey",
  name: "Product feedback survey",
  status: "Open",
  statusChangedOn: "2026-03-02T09:15:00Z",
  panelId: "4c2f8e6a-1d3b-4f5a-9e7c-6b8d0a2c4e61",
  alternateId: "111",
  projectId: "0b6e8d1a-5f2c-4a7e-b3d9-8c1e4f6a2b57",
  projectType: "Research",
  excludeFromParticipation: false,
  hideFromMember: false,
  isReady: true,
  openedOn: "2026-03-02T09:15:00Z",
  closedOn: "2026-04-01T00:00:00Z",
  accessedOn: "2026-03-10T16:42:31.517Z",
  templateUrl: "https://api.us.alida.com/c/services/api/v1/templates/3e5a7c9b",
  createDate: "2026-02-20T11:00:00Z",
  lastUpdateDate: "2026-03-02T09:15:00Z",
  createdBy: "1a3c5e7f-9b2d-4f6a-8c0e-2b4d6f8a0c11",
  lastUpdatedBy: "1a3c5e7f-9b2d-4f6a-8c0e-2b4d6f8a0c11",
  links: [
    {
      rel: "summary",
      href: "https://api.us.alida.com/c/services/api/v1/tenants/4c2f8e6a-1d3b-4f5a-9e7c-6b8d0a2c4e61/activities/6f1c2a4e-3b7d-4e8a-9c1f-2d5b7e9a1c30/summary",
    },
  ],
  href: "https://api.us.alida.com/c/services/api/v1/tenants/4c2f8e6a-1d3b-4f5a-9e7c-6b8d0a2c4e61/activities/6f1c2a4e-3b7d-4e8a-9c1f-2d5b7e9a1c30",
};

describe("alidaActivitySchema", () => {
  it("parses the document's example into one clean shape", () => {
    const activity = alidaActivitySchema.parse(documentExample);
    expect(activity).toMatchObject({
      id: documentExample.id,
      activityType: "Survey",
      status: "open",
      alternateId: "111",
      projectType: "Research",
      isReady: true,
      hideFromMember: false,
      excludeFromParticipation: false,
      openedOn: new Date("2026-03-02T09:15:00Z"),
      closedOn: new Date("2026-04-01T00:00:00Z"),
      accessedOn: new Date("2026-03-10T16:42:31.517Z"),
      summaryHref: documentExample.links[0]?.href,
      href: documentExample.href,
    });
  });

  it("accepts a fields= selection that returns only some fields", () => {
    const activity = alidaActivitySchema.parse({
      name: "Product feedback survey",
      closedOn: "2026-04-01T00:00:00Z",
    });
    expect(activity).toEqual({ name: "Product feedback survey", closedOn: new Date("2026-04-01T00:00:00Z") });
  });

  it("tells a missing alternateId (absent) from one sent as null or empty (none)", () => {
    const { alternateId: _, ...withoutAlternateId } = documentExample;
    expect(alidaActivitySchema.parse(withoutAlternateId)).not.toHaveProperty("alternateId");
    expect(alidaActivitySchema.parse({ ...documentExample, alternateId: null }).alternateId).toBeNull();
    expect(alidaActivitySchema.parse({ ...documentExample, alternateId: "" }).alternateId).toBeNull();
    expect(alidaActivitySchema.parse({ ...documentExample, alternateId: 111 }).alternateId).toBe("111");
  });

  it.each([
    ["Open", "open"],
    ["open", "open"],
    ["OPEN", "open"],
    ["Closed", "closed"],
    ["closed", "closed"],
  ])("normalises status %s to %s", (status, expected) => {
    expect(alidaActivitySchema.parse({ status }).status).toBe(expected);
  });

  it("rejects a status the document does not list", () => {
    expect(alidaActivitySchema.safeParse({ status: "Draft" }).success).toBe(false);
  });

  it('reads booleans sent as "true"/"false"', () => {
    const activity = alidaActivitySchema.parse({ isReady: "true", hideFromMember: "False" });
    expect(activity).toEqual({ isReady: true, hideFromMember: false });
    expect(alidaActivitySchema.safeParse({ isReady: "yes" }).success).toBe(false);
  });

  it("reads timestamps as UTC even without a zone, and null as 'none'", () => {
    const activity = alidaActivitySchema.parse({ openedOn: "2026-03-02T09:15:00", closedOn: null });
    expect(activity.openedOn?.toISOString()).toBe("2026-03-02T09:15:00.000Z");
    expect(activity.closedOn).toBeNull();
    expect(alidaActivitySchema.safeParse({ openedOn: "next tuesday" }).success).toBe(false);
  });

  it("keeps unknown activity types and canonicalises the casing of known ones", () => {
    expect(alidaActivitySchema.parse({ activityType: "forum" }).activityType).toBe("Forum");
    expect(alidaActivitySchema.parse({ activityType: "Idea Exchange" }).activityType).toBe("Idea Exchange");
  });

  it("derives summaryHref only from a link with rel summary", () => {
    const activity = alidaActivitySchema.parse({ links: [{ rel: "self", href: "https://x/1" }] });
    expect(activity).toEqual({ links: [{ rel: "self", href: "https://x/1" }] });
  });

  it("treats null on fields where it means nothing as not sent", () => {
    expect(alidaActivitySchema.parse({ name: null, links: null, isReady: null })).toEqual({});
  });

  it("lists every documented field name", () => {
    expect(ALIDA_ACTIVITY_FIELDS).toHaveLength(21);
    for (const key of Object.keys(documentExample).filter((key) => key !== "links" && key !== "href")) {
      expect(ALIDA_ACTIVITY_FIELDS).toContain(key);
    }
  });
});
