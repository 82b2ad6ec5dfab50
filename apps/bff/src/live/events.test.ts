import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberProfileView } from "../profile/profile-view.ts";
import { openLiveTab } from "../testing/live-tab.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// Live updates end to end: the sandbox completes an activity, pushes the profile to the webhook,
// the BFF stores it and every open tab of that member (and no one else's) receives it.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

const openEvents = (agent: Agent, lastEventId?: string) =>
  openLiveTab(system.portalUrl, agent, lastEventId ? { "last-event-id": lastEventId } : {});

const complete = (username: string, activityId: number) =>
  fetch(`${system.sandbox.url}/sandbox/members/${username}/complete/${activityId}`, { method: "POST" });

const profileOf = async (agent: Agent) =>
  (await agent.get("/api/me")).json<{ profile: MemberProfileView | null }>().profile;

describe("GET /api/me/events", () => {
  it("refuses anonymous callers", async () => {
    const response = await fetch(new URL("/api/me/events", system.portalUrl));
    expect(response.status).toBe(401);
  });

  it("sends a member's profile changes to all of their tabs, and only theirs", async () => {
    const ava = await system.signIn("ava");
    const ben = await system.signIn("ben");
    const tab1 = await openEvents(ava);
    const tab2 = await openEvents(ava);
    const bensTab = await openEvents(ben);
    expect(tab1.res.headers["content-type"]).toContain("text/event-stream");

    expect((await complete("ava", 109)).status).toBe(200); // 350 + 650 = 1000: Silver
    for (const tab of [tab1, tab2]) {
      await expect
        .poll(() => tab.events().at(-1)?.data ?? "", { timeout: 5_000 })
        .toContain('"title":"Silver"');
    }
    const view = JSON.parse(tab1.events().at(-1)?.data ?? "{}") as MemberProfileView;
    expect(view.points.total).toBe(1000);
    expect(view.tier.current?.title).toBe("Silver");
    expect(view.lastEvent).toMatchObject({ event: "JUMP", tierTitle: "Silver" });
    // Silver opened the concert tickets: 1,000 × 1.5 "Silver sprint" covers the 1,500 to Gold
    // exactly (the season ticket's 2,000 would too, with more to spare).
    expect(view.plan?.toNextTier).toMatchObject({
      reachable: true,
      steps: [{ activityId: "122", times: 1, points: 1500 }],
      totalPoints: 1500,
    });
    expect(bensTab.events().some((e) => e.data.includes('"total":1000'))).toBe(false);

    // /api/me serves the same stored profile.
    expect((await profileOf(ava))?.points.total).toBe(1000);
    for (const tab of [tab1, tab2, bensTab]) tab.close();
  });

  it("ends a session's streams when it signs out, and only that session's", async () => {
    const phone = await system.signIn("ben");
    const laptop = await system.signIn("ben");
    const phoneTab = await openEvents(phone);
    const laptopTab = await openEvents(laptop);
    expect((await phone.post("/api/auth/logout")).status).toBe(200);
    await expect.poll(() => phoneTab.ended(), { timeout: 5_000 }).toBe(true);
    expect(laptopTab.ended()).toBe(false);
    laptopTab.close();
  });

  it("resumes: a reconnect with an older Last-Event-ID gets the current profile at once, an up-to-date one does not", async () => {
    const cleo = await system.signIn("cleo");
    expect((await complete("cleo", 101)).status).toBe(200);
    await expect.poll(async () => (await profileOf(cleo))?.points.total, { timeout: 5_000 }).toBe(9825);
    const fresh = await openEvents(cleo);
    await expect.poll(() => fresh.events().length).toBe(1);
    const version = fresh.events()[0]?.id ?? "";
    fresh.close();

    const upToDate = await openEvents(cleo, version);
    const behind = await openEvents(cleo, String(Number(version) - 1));
    await expect.poll(() => behind.events().length).toBe(1);
    expect(upToDate.events()).toEqual([]);
    upToDate.close();
    behind.close();
  });

  it("answers /api/me from the database while CrowdTwist hangs; the plan follows on the stream", async () => {
    const ben = await system.signIn("ben");
    // A stored profile for ben, with no tab open: nothing loads his activities.
    expect((await complete("ben", 101)).status).toBe(200);
    await expect.poll(async () => (await profileOf(ben)) !== null, { timeout: 5_000 }).toBe(true);
    system.sandbox.fault({ target: "crowdtwist", hang: true });
    system.sandbox.resetRequests();
    let me: MemberProfileView | null;
    try {
      me = await profileOf(ben);
      // Nothing of /api/me went to CrowdTwist, so nothing of it could wait on the hang.
      expect(system.sandbox.requests("crowdtwist")).toBe(0);
    } finally {
      system.sandbox.clearFaults();
    }
    expect(me?.tier.current?.title).toBe("Silver");

    const tab = await openEvents(ben);
    await expect.poll(() => tab.events().length, { timeout: 5_000 }).toBeGreaterThan(0);
    // His activities are not loaded yet, so the profile comes without a plan…
    expect((JSON.parse(tab.events()[0]?.data ?? "{}") as MemberProfileView).plan).toBeNull();
    expect((await ben.get("/api/me/activities")).status).toBe(200);
    // Once the activities are loaded, the open tab gets the profile again with its path to Gold.
    await expect
      .poll(
        () => {
          const last = tab.events().at(-1);
          return last ? ((JSON.parse(last.data) as MemberProfileView).plan?.toNextTier ?? null) : null;
        },
        { timeout: 5_000 },
      )
      .not.toBeNull();
    tab.close();
  });
});
