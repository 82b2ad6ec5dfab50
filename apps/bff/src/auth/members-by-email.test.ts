import { Agent, type AgentResponse, formAction } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// CROWDTWIST_ID_TYPE=email end to end, against the sandbox: the member is the identity provider's
// verified `email` claim, CrowdTwist is asked for `user_id=<address>&id_type=email`, and Live Push
// profiles are keyed by their `emailAddress`, so the list and the live profile are the same person.
// The demo subjects ("ava") are not addresses: a portal that sent the subject would find no one.

/** The sign-in dance by hand, up to the portal's answer to the callback (a session, or a refusal). */
async function signInAnswer(
  system: TestSystem,
  username: string,
): Promise<{ agent: Agent; answer: AgentResponse }> {
  const agent = new Agent(system.portalUrl);
  const intoPortal = (next: URL) =>
    next.origin === system.portalUrl && next.pathname === "/api/auth/callback";
  const loginPage = await agent.follow(await agent.get("/api/auth/login"), intoPortal);
  const action = formAction(loginPage.text);
  if (!action) throw new Error(`no login form at ${loginPage.url}`);
  const submitted = await agent.postForm(new URL(action, loginPage.url), { username, password: "demo" });
  const toCallback = await agent.follow(submitted, intoPortal);
  if (!toCallback.location) throw new Error("the provider did not send the browser back");
  return { agent, answer: await agent.get(new URL(toCallback.location, toCallback.url)) };
}

/**
 * A refused sign-in ends on the failure page with its own reason (ADR 0014), never a 500 or JSON,
 * and opens no session.
 */
async function expectRefused(system: TestSystem, username: string, reason: string) {
  const { agent, answer } = await signInAnswer(system, username);
  expect(answer.status).toBe(302);
  const target = new URL(answer.location ?? "", system.portalUrl);
  expect(`${target.origin}${target.pathname}`).toBe(`${system.portalUrl}/sign-in-failed`);
  expect(target.searchParams.get("reason")).toBe(reason);
  expect((await agent.get("/api/me")).json()).toMatchObject({ user: null });
  const refusal = system.logs.find((line) => line.includes("no usable CrowdTwist member id"));
  expect(refusal).toBeDefined();
  // The claim is named, its value (an email address) is not.
  expect(refusal).not.toContain(`${username}@example.com`);
}

describe("members mapped by email (CROWDTWIST_ID_TYPE=email, CROWDTWIST_ID_CLAIM=email)", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ CROWDTWIST_ID_TYPE: "email", CROWDTWIST_ID_CLAIM: "email" });
  });
  afterAll(() => system?.close());

  it("finds ava's activities and her Live Push profile by her address", async () => {
    const agent = await system.signIn("ava");
    const list = await agent.get("/api/me/activities");
    expect(list.status).toBe(200);
    const body = list.json<MemberActivitiesBody>();
    if (!body.enrolled) throw new Error("ava is a member: CrowdTwist should have found her by email");
    const ids = body.activities.map((a) => a.id);
    // Ava's own view (Bronze, New York): the Silver ticket locked, Gold's preview hidden, her meetup there.
    expect(ids).toEqual(expect.arrayContaining(["101", "105", "113"]));
    expect(ids).not.toContain("107");
    expect(body.activities.find((a) => a.id === "105")?.visibility.state).toBe("locked");

    // The sandbox pushes her profile (emailAddress ava@example.com) when she completes an activity.
    const completed = await fetch(`${system.sandbox.url}/sandbox/members/ava/complete/104`, {
      method: "POST",
    });
    expect(completed.status).toBe(200);
    await expect
      .poll(async () => (await agent.get("/api/me")).json<{ profile: unknown }>().profile, {
        timeout: 10_000,
      })
      .toMatchObject({ points: { total: 950 } }); // 350 + 500 + the launch gift of 100
    expect(await readMemberProfile(system.bff.db, "ava@example.com")).not.toBeNull();
    expect(await readMemberProfile(system.bff.db, "ava")).toBeNull();
  });

  it("ben and cleo each get their own list, not ava's", async () => {
    for (const [username, only] of [
      ["ben", "114"], // login streak, staff
      ["cleo", "124"], // Gold scarf
    ] as const) {
      const agent = await system.signIn(username);
      const body = (await agent.get("/api/me/activities")).json<MemberActivitiesBody>();
      if (!body.enrolled) throw new Error(`${username} is a member`);
      expect(body.activities.map((a) => a.id)).toContain(only);
    }
  });

  it("refuses dana, whose address the provider says is not verified", async () => {
    await expectRefused(system, "dana", "unverified");
  });
});

describe("a configured claim the identity provider does not send", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ CROWDTWIST_ID_CLAIM: "crm_id" });
  });
  afterAll(() => system?.close());

  it("refuses the sign-in rather than falling back to the subject", async () => {
    await expectRefused(system, "ava", "no_member");
  });
});
