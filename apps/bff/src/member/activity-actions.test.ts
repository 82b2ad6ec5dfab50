import type { ActivityType } from "@portal/crowdtwist/activity-types";
import type { UserActivityInput } from "@portal/loyalty/member-activity";
import { testProgram } from "@portal/loyalty/program-fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";
import { toActivityViews } from "./activity-views.ts";

// Each activity a member can do carries its call to action, derived from CrowdTwist's description
// (redirect_url, points-on-click, the linked Alida activity, type and channel).

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

describe("the member's activities carry their call to action", () => {
  it("for ava: an action on every activity she can do, none on the others, and every link answers", async () => {
    const ava = await system.signIn("ava");
    let body: MemberActivitiesBody | undefined;
    await expect
      .poll(
        async () => {
          body = (await ava.get("/api/me/activities")).json<MemberActivitiesBody>();
          return body.freshness?.degraded;
        },
        { timeout: 12_000, interval: 250 },
      )
      .toBe(false);
    const activities = body?.activities ?? [];
    expect(activities.length).toBeGreaterThan(10);
    for (const activity of activities) {
      if (activity.why.length > 0) expect(activity.action, activity.id).toBeNull();
      else expect(activity.action, activity.id).not.toBeNull();
    }
    const byId = new Map(activities.map((activity) => [activity.id, activity.action]));
    expect(byId.get("109")).toEqual({ kind: "instruction", instruction: "enter_code" });
    expect(byId.get("101")).toEqual({ kind: "instruction", instruction: "sign_in" });
    expect(byId.get("121")).toEqual({
      kind: "link",
      url: `${system.sandbox.url}/sandbox/site/get-the-app`,
      pointsOnClick: true,
    });
    expect(byId.get("111")).toMatchObject({ kind: "community", community: "survey" });
    // The closed, member-hidden forum offers nothing to click.
    expect(byId.get("112")).toBeNull();
    const urls = activities.flatMap(({ action }) =>
      action && action.kind !== "instruction" ? [action.url] : [],
    );
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) expect((await fetch(url)).status, url).toBe(200);
  });
});

describe("toActivityViews' links", () => {
  const base: UserActivityInput<ActivityType> = {
    id: "1",
    title: "Open the app",
    description: "",
    numPoints: 10,
    image: "",
    categoryId: "3",
    type: "your_site",
    typeId: "7",
    dateStart: null,
    dateEnd: null,
    minTierId: null,
    isHiddenByTier: false,
    isLockedByTier: false,
    campaigns: [],
    pointsOnClick: true,
  };
  const actionOf = (patch: Partial<UserActivityInput<ActivityType>>, allowLoopbackHttp = false) =>
    toActivityViews([{ ...base, ...patch }], testProgram(), new Date(), "UTC", { allowLoopbackHttp })[0]
      ?.action;

  it.each([
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "http://brand.example/",
    "https://user:secret@brand.example/",
  ])("never offers %s; the activity says how it is done instead", (redirectUrl) => {
    expect(actionOf({ redirectUrl }, true)).toEqual({ kind: "instruction", instruction: "on_site" });
  });

  it("offers the sandbox's loopback http only outside production", () => {
    const redirectUrl = "http://localhost:4010/sandbox/site/get-the-app";
    expect(actionOf({ redirectUrl }, true)).toEqual({ kind: "link", url: redirectUrl, pointsOnClick: true });
    expect(actionOf({ redirectUrl }, false)).toEqual({ kind: "instruction", instruction: "on_site" });
  });

  it("offers nothing on a locked activity", () => {
    expect(
      actionOf({ redirectUrl: "https://brand.example/", isLockedByTier: true, minTierId: "20" }),
    ).toBeNull();
  });
});
