import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_PATH, segmentationBody, userActivityBody } from "../live-push/feeds/feed-fixtures.ts";
import type { MemberProfileView } from "../profile/profile-view.ts";
import type { MemberPreviewBody } from "../routes/manager.ts";
import type { HistoryBody, MemberActivitiesBody } from "../routes/me.ts";
import { openLiveTab } from "../testing/live-tab.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";
import type { MemberActivityView } from "./activity-views.ts";

// What the Data Push feeds give members, end to end: the sandbox completes, redeems and moves
// segments and pushes every feed; the BFF stores them and serves completions in the activities list,
// the points history, expiring points and segment changes, and tells the member's open tabs.

let system: TestSystem;
let ava: Agent;
beforeAll(async () => {
  system = await startTestSystem();
  ava = await system.signIn("ava");
});
afterAll(() => system?.close());

const sandbox = (path: string, body?: unknown) =>
  fetch(`${system.sandbox.url}${path}`, {
    method: "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

async function activities(agent: Agent): Promise<MemberActivityView[]> {
  const body = (await agent.get("/api/me/activities")).json<MemberActivitiesBody>();
  return body.activities;
}
const find = (list: MemberActivityView[], id: string) => list.find((activity) => activity.id === id);
const history = async (agent: Agent, query = "") =>
  (await agent.get(`/api/me/history${query}`)).json<HistoryBody>();

describe("completions in the activities list", () => {
  it("a once-only activity is done after its completion: no call to action, the cap says why", async () => {
    expect(find(await activities(ava), "120")).toMatchObject({ done: false, progress: { count: 0, cap: 1 } });
    expect((await sandbox("/sandbox/members/ava/complete/120")).status).toBe(200);
    await expect.poll(async () => find(await activities(ava), "120")?.done, { timeout: 5_000 }).toBe(true);
    expect(find(await activities(ava), "120")).toMatchObject({
      done: true,
      progress: { count: 1, cap: 1, period: "lifetime" },
      action: null,
      why: [{ kind: "frequency_cap", resetsAt: null, action: "none" }],
    });
  });

  it("a weekly cap counts this week's completions: 2 of 3, then capped until Monday", async () => {
    await sandbox("/sandbox/members/ava/complete/103");
    await sandbox("/sandbox/members/ava/complete/103");
    await expect
      .poll(async () => find(await activities(ava), "103")?.progress?.count, { timeout: 5_000 })
      .toBe(2);
    expect(find(await activities(ava), "103")).toMatchObject({
      done: false,
      progress: { count: 2, cap: 3, period: "week" },
      why: [],
      action: expect.anything(),
    });
    await sandbox("/sandbox/members/ava/complete/103");
    await expect
      .poll(async () => find(await activities(ava), "103")?.progress?.count, { timeout: 5_000 })
      .toBe(3);
    const capped = find(await activities(ava), "103");
    expect(capped).toMatchObject({
      done: false,
      action: null,
      why: [{ kind: "frequency_cap", action: "wait" }],
    });
    const reason = capped?.why[0];
    const resetsAt = reason?.kind === "frequency_cap" ? new Date(String(reason.resetsAt)) : null;
    expect(resetsAt?.getUTCDay()).toBe(1); // Monday, midnight UTC (PROGRAM_TIME_ZONE)
  });
});

describe("the points history", () => {
  it("lists what was earned and redeemed, newest first, in the member's words", async () => {
    await sandbox("/sandbox/members/ava/complete/104");
    await expect.poll(async () => (await history(ava)).entries.length, { timeout: 5_000 }).toBe(5);
    expect((await sandbox("/sandbox/members/ava/redeem/947563")).status).toBe(200);
    await expect
      .poll(async () => (await history(ava)).entries[0]?.reward?.title ?? null, { timeout: 5_000 })
      .toBe("$20 Gift Card");
    const { entries, next } = await history(ava);
    expect(next).toBeNull();
    expect(entries.map((entry) => [entry.kind, entry.activityId, entry.title, entry.points])).toEqual([
      ["redeemed", "900", "$20 Gift Card", -300],
      ["earned", "104", "Buy from the team store", 600],
      ["earned", "103", "Share a post on Facebook", 80],
      ["earned", "103", "Share a post on Facebook", 80],
      ["earned", "103", "Share a post on Facebook", 80],
      // No public title: CrowdTwist's name for it, which the program left member-facing.
      ["earned", "120", "Complete your profile", 200],
    ]);
    expect(JSON.stringify(entries)).not.toContain("(internal)");
    const times = entries.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("pages with the cursor it gives, every entry once", async () => {
    const all = (await history(ava)).entries.map((entry) => entry.id);
    const seen: string[] = [];
    let cursor: string | null = "";
    for (let pages = 0; cursor !== null && pages < 20; pages += 1) {
      const page: HistoryBody = await history(ava, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.next;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    ["a cursor it did not give", "?cursor=yesterday", "cursor"],
    ["a limit of 0", "?limit=0", "limit"],
    ["a limit over 100", "?limit=101", "limit"],
  ])("answers 400 in the error shape for %s", async (_name, query, field) => {
    const response = await ava.get(`/api/me/history${query}`);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: "invalid_history_request",
        message: expect.stringMatching(new RegExp(`^${field}`)),
        requestId: expect.any(String),
        // The field refused, by its path (the one error contract, ADR 0035).
        issues: [{ path: field, message: expect.stringMatching(new RegExp(`^${field}`)) }],
      },
    });
  });

  it("is a member's own: 401 without a session", async () => {
    const response = await fetch(new URL("/api/me/history", system.portalUrl));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });
});

describe("expiring points", () => {
  it("come with the tier card's profile, nearest first", async () => {
    await system.sandbox.sandbox.pushAll();
    const ben = await system.signIn("ben");
    await expect
      .poll(
        async () =>
          (await ben.get("/api/me")).json<{ profile: MemberProfileView | null }>().profile?.expiringPoints
            ?.length,
        {
          timeout: 5_000,
        },
      )
      .toBe(1);
    const { profile } = (await ben.get("/api/me")).json<{ profile: MemberProfileView }>();
    expect(profile.expiringPoints).toEqual([{ points: 400, date: expect.any(String) }]);
    // ava's redemption above used up her expiring points; the sandbox pushed that.
    const own = (await ava.get("/api/me")).json<{ profile: MemberProfileView }>().profile;
    expect(own.expiringPoints).toEqual([]);
  });
});

describe("segment changes", () => {
  it("an activity for a segment the member left disappears; one for a segment entered appears", async () => {
    const cleo = await system.signIn("cleo");
    expect(find(await activities(cleo), "113")).toBeDefined();
    await sandbox("/sandbox/members/cleo/segments/2001", { event: "exited" });
    await expect.poll(async () => find(await activities(cleo), "113"), { timeout: 5_000 }).toBeUndefined();
    await sandbox("/sandbox/members/cleo/segments/2001", { event: "entered" });
    await expect.poll(async () => find(await activities(cleo), "113")?.why, { timeout: 5_000 }).toEqual([]);
  });

  it("while CrowdTwist still lists it, the segment reason explains why it cannot be done", async () => {
    const ben = await system.signIn("ben");
    // ben is in the login-streak segment; CrowdTwist has not caught up with his leaving it.
    expect(find(await activities(ben), "114")?.why).toEqual([]);
    const left = await fetch(`${system.portalUrl}${FEED_PATH.user_segmentation}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
      body: JSON.stringify(
        segmentationBody("ben", {
          subscription_id: 1628,
          name: "5x Login Streak",
          event: "exited",
          date_occurred: new Date(Date.now() + 60_000).toISOString(),
        }),
      ),
    });
    expect(await left.json()).toEqual({ outcome: "stored" });
    await expect
      .poll(async () => find(await activities(ben), "114")?.action ?? "none", { timeout: 5_000 })
      .toBe("none");
    expect(find(await activities(ben), "114")?.why).toEqual([
      { kind: "segment", eligibility: "inclusion", segmentName: "5x Login Streak", action: "none" },
    ]);
  });
});

describe("live", () => {
  it("a stored completion tells the member's open tabs to refresh the history and the list", async () => {
    const tab = await openLiveTab(system.portalUrl, ava);
    try {
      const pushed = await fetch(`${system.portalUrl}${FEED_PATH.user_activity}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
        body: JSON.stringify(userActivityBody("ava", { userActivityId: 9_100_001, activityId: 101 })),
      });
      expect(await pushed.json()).toEqual({ outcome: "stored" });
      // Within 2 s, so the page can refresh the history that soon.
      await expect
        .poll(() => tab.events().map((event) => event.event), { timeout: 2_000 })
        .toEqual(expect.arrayContaining(["history", "activities"]));
      const history = tab.events().find((event) => event.event === "history");
      expect(history).toEqual({ id: "", event: "history", data: '{"feed":"user_activity"}' });
    } finally {
      tab.close();
    }
  });
});

describe("the manager's preview", () => {
  it("shows the member's latest history and segments", async () => {
    const morgan = await system.signIn("morgan");
    const response = await morgan.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "cleo",
      reason: "checking the segment changes",
    });
    const body = response.json<MemberPreviewBody>();
    expect(body.segments).toEqual([
      expect.objectContaining({
        type: "segment",
        subscriptionId: "2001",
        member: true,
        name: "New York Members",
      }),
      ...(body.segments ?? []).slice(1),
    ]);
    expect(body.history).toEqual([]);
    const other = await morgan.post("/api/manager/preview-member", {
      idType: "email",
      userId: "cleo@example.com",
      reason: "checking another id type",
    });
    expect(other.json<MemberPreviewBody>()).toMatchObject({ history: null, segments: null });
  });
});

describe("whose words a history title is", () => {
  // Last in the file: it gives cleo a history, which the manager's preview above expects empty.
  it("says when a title is CrowdTwist's translation for the member, not the brand's own words", async () => {
    // cleo's language preference is French, and the program loaded French words for activity 101.
    const cleo = await system.signIn("cleo");
    expect((await sandbox("/sandbox/members/cleo/complete/101")).status).toBe(200);
    await expect
      .poll(async () => (await history(cleo)).entries[0]?.title ?? null, { timeout: 5_000 })
      .toBe("Passage quotidien");
    expect((await history(cleo)).entries[0]).toMatchObject({ activityId: "101", titleTranslated: true });
    // The reward's title and the catalogue's are the brand's own words.
    const own = (await history(ava)).entries;
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((entry) => entry.titleTranslated)).toEqual(own.map(() => false));
  });
});
