import { seedActivities } from "@portal/sandbox/program/seed-activities";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberProfileView } from "../profile/profile-view.ts";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { openLiveTab } from "../testing/live-tab.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// Members read CrowdTwist's member-facing words (`public_title`/`public_description` from the
// extended endpoint), never the internal title the user-activities list carries, wherever they see
// an activity: their list, their tier plan, and the manager's "as the member sees it" previews. The
// sandbox's seed is the oracle: its internal titles are what must never reach a member.

const seed = new Map(seedActivities.map((activity) => [String(activity.id), activity]));
const internalTitles = seedActivities
  .filter((activity) => activity.publicTitle !== "" && activity.title !== activity.publicTitle)
  .map((activity) => activity.title);
const memberTitle = (id: string) => {
  const activity = seed.get(id);
  return activity && (activity.publicTitle || activity.title);
};
const memberDescription = (id: string) => {
  const activity = seed.get(id);
  return activity && (activity.publicDescription || activity.description);
};

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

/** The member's whole list, once no description is missing (a degraded list may lack them). */
async function wholeList(agent: Awaited<ReturnType<TestSystem["signIn"]>>) {
  let last: { body: MemberActivitiesBody; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const response = await agent.get("/api/me/activities");
        last = { body: response.json<MemberActivitiesBody>(), text: response.text };
        return response.status === 200 && last.body.freshness?.degraded === false;
      },
      { timeout: 12_000, interval: 250 },
    )
    .toBe(true);
  if (!last) throw new Error("no answer");
  return last;
}

describe("member-facing words", () => {
  it("the seed really has internal titles to leak (or this test proves nothing)", () => {
    expect(internalTitles.length).toBeGreaterThan(seedActivities.length / 2);
    expect(internalTitles).toContain("FY26 Q4 – Survey push (internal)");
  });

  it("ava's list carries public titles and descriptions, falling back to the list's when empty", async () => {
    const ava = await system.signIn("ava");
    const { body, text } = await wholeList(ava);
    expect(body.activities.length).toBeGreaterThan(10);
    for (const activity of body.activities) {
      expect([activity.id, activity.title, activity.description]).toEqual([
        activity.id,
        memberTitle(activity.id),
        memberDescription(activity.id),
      ]);
    }
    expect(body.activities.find((a) => a.id === "111")?.title).toBe("Tell us about our products");
    // 120 has no public wording at all, 123 only a public title.
    expect(body.activities.find((a) => a.id === "120")?.title).toBe("Complete your profile");
    expect(body.activities.find((a) => a.id === "123")).toMatchObject({
      title: "Open our newsletter",
      description: "Click through the monthly newsletter.",
    });
    for (const internal of internalTitles) expect(text).not.toContain(internal);
    expect(text).not.toContain("(internal)");
  });

  it("the tier plan names activities in the member's words", async () => {
    const ben = await system.signIn("ben");
    await wholeList(ben);
    // /api/me answers from the database alone; the plan follows on the live stream.
    const tab = await openLiveTab(system.portalUrl, ben);
    try {
      // A completion makes the sandbox push ben's profile; the plan is made from his cached list.
      const completed = await fetch(`${system.sandbox.url}/sandbox/members/ben/complete/101`, {
        method: "POST",
        signal: AbortSignal.timeout(5_000),
      });
      expect(completed.status).toBe(200);
      const planned = () =>
        tab
          .events()
          .map((event) => JSON.parse(event.data) as MemberProfileView)
          .findLast((view) => (view.plan?.toNextTier?.steps.length ?? 0) > 0);
      await expect.poll(() => planned() !== undefined, { timeout: 10_000, interval: 100 }).toBe(true);
      const steps = planned()?.plan?.toNextTier?.steps ?? [];
      for (const step of steps) {
        expect([step.activityId, step.title]).toEqual([step.activityId, memberTitle(step.activityId)]);
      }
      for (const event of tab.events()) expect(event.data).not.toContain("(internal)");
    } finally {
      tab.close();
    }
  });

  it("the manager's member cards use the member's words; the internal title stays on the facts", async () => {
    const morgan = await system.signIn("morgan");
    const response = await morgan.get("/api/manager/activities/111");
    expect(response.status).toBe(200);
    const preview = response.json<{
      activity: { title: string; publicTitle: string };
      cards: { activity: { title: string; description: string } | null }[];
    }>();
    expect(preview.activity).toMatchObject({
      title: "FY26 Q4 – Survey push (internal)",
      publicTitle: "Tell us about our products",
    });
    const shown = preview.cards.flatMap((card) => (card.activity ? [card.activity] : []));
    expect(shown.length).toBeGreaterThan(0);
    for (const card of shown) {
      expect(card).toEqual(
        expect.objectContaining({
          title: "Tell us about our products",
          description: "A ten-minute survey in our research community.",
        }),
      );
    }

    const bare = (await morgan.get("/api/manager/activities/120")).json<{
      cards: { activity: { title: string } | null }[];
    }>();
    const titles = new Set(bare.cards.flatMap((card) => (card.activity ? [card.activity.title] : [])));
    expect([...titles]).toEqual(["Complete your profile"]);
  });

  it("the manager's preview of ava shows her the same words as her own list", async () => {
    const morgan = await system.signIn("morgan");
    const response = await morgan.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "ava",
      reason: "Checking what ava reads",
    });
    expect(response.status).toBe(200);
    const body = response.json<{ activities: { id: string; title: string }[] }>();
    expect(body.activities.length).toBeGreaterThan(10);
    for (const activity of body.activities) {
      expect([activity.id, activity.title]).toEqual([activity.id, memberTitle(activity.id)]);
    }
    expect(response.text).not.toContain("(internal)");
  });
});
