import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// Alida's word reaches members: activity 112 leads to the sandbox's fan forum, which Alida reports
// closed and hidden from members, so it is not offered as available; 111's survey is open, so it
// is. Alida being down or hanging never breaks or holds up the list: the activity is offered on
// CrowdTwist's word, marked unchecked, and Alida's word returns once it answers.

type Activity = MemberActivitiesBody["activities"][number];
const byId = (body: MemberActivitiesBody, id: string) => {
  const found = body.activities.find((activity) => activity.id === id);
  if (!found) throw new Error(`activity ${id} is not in the member's list`);
  return found;
};
const communityReasons = (activity: Activity) => activity.why.filter((reason) => reason.kind === "community");

describe("Alida's state in the member's list", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it("does not offer 112 as available: its forum is closed (and hidden from members)", async () => {
    const ava = await system.signIn("ava");
    const response = await ava.get("/api/me/activities");
    expect(response.status).toBe(200);
    const body = response.json<MemberActivitiesBody>();
    const forum = byId(body, "112");
    expect(forum.community).toEqual({ checked: true, kind: "forum", blocks: ["closed", "hidden"] });
    expect(communityReasons(forum)).toEqual([
      { kind: "community", block: "closed", community: "forum", action: "none" },
    ]);
    // The open survey behind 111 keeps it available.
    const survey = byId(body, "111");
    expect(survey.community).toEqual({ checked: true, kind: "survey", blocks: [] });
    expect(communityReasons(survey)).toEqual([]);
    // Not linked: no community at all.
    expect(
      body.activities
        .filter((a) => a.community !== undefined)
        .map((a) => a.id)
        .sort(),
    ).toEqual(["111", "112"]);
  });

  it("asks Alida once per linked activity for every member (program-wide cache)", async () => {
    const ben = await system.signIn("ben");
    const cleo = await system.signIn("cleo");
    system.sandbox.resetRequests();
    await ben.get("/api/me/activities");
    await cleo.get("/api/me/activities");
    // ava's list above already asked: both answers come from the program-wide cache.
    expect(system.sandbox.requests("alida")).toBe(0);
  });
});

describe("when Alida is down", () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Members' lists are not kept fresh here, so each request builds them anew.
    system = await startTestSystem({ CACHE_FRESH_SECONDS: "0", UPSTREAM_TIMEOUT_MS: "300" });
  });
  afterAll(() => system.close());

  it("does not wait on an Alida that hangs: 112 is offered unchecked", async () => {
    const ben = await system.signIn("ben");
    system.sandbox.fault({ target: "alida", hang: true });
    try {
      const response = await ben.get("/api/me/activities");
      expect(response.status).toBe(200);
      expect(byId(response.json<MemberActivitiesBody>(), "112").community).toEqual({ checked: false });
    } finally {
      system.sandbox.clearFaults();
    }
  });

  it("still answers the list, offers 112 unchecked, then says closed once Alida answers", async () => {
    const ava = await system.signIn("ava");
    system.sandbox.fault({ target: "alida", status: 503 });
    let down: MemberActivitiesBody;
    try {
      const response = await ava.get("/api/me/activities");
      expect(response.status).toBe(200);
      down = response.json<MemberActivitiesBody>();
    } finally {
      system.sandbox.clearFaults();
    }
    // CrowdTwist answered: the list is not degraded, and nothing Alida did not say is claimed.
    expect(down.freshness).toMatchObject({ degraded: false });
    const forum = byId(down, "112");
    expect(forum.community).toEqual({ checked: false });
    expect(communityReasons(forum)).toEqual([]);

    let after: MemberActivitiesBody | undefined;
    await expect
      .poll(
        async () => {
          after = (await ava.get("/api/me/activities")).json<MemberActivitiesBody>();
          return byId(after, "112").community;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toEqual({ checked: true, kind: "forum", blocks: ["closed", "hidden"] });
  });
});
