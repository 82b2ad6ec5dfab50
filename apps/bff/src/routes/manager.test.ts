import { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

let system: TestSystem;
let member: Agent;
let manager: Agent;
beforeAll(async () => {
  system = await startTestSystem();
  member = await system.signIn("ava");
  manager = await system.signIn("morgan");
});
afterAll(() => system.close());

/** Every route registered under /api/manager, with sample values for its parameters. */
function managerRoutes() {
  const routes = system.bff.app.routes
    .filter((route) => route.path.startsWith("/api/manager/") && route.method !== "ALL")
    .map((route) => ({ method: route.method, path: route.path.replace(/:(\w+)(\{[^}]*\})?/g, "101") }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe("manager routes", () => {
  it("are all guarded: anonymous 401, members 403, managers let through", async () => {
    const routes = managerRoutes();
    expect(routes.length).toBeGreaterThan(0);
    const anonymous = new Agent(system.portalUrl);
    for (const { method, path } of routes) {
      const send = (agent: Agent) =>
        method === "GET"
          ? agent.get(path)
          : agent.request(method, path, { headers: { "x-csrf": "1", origin: system.portalUrl } });
      expect((await send(anonymous)).status, `${method} ${path} anonymous`).toBe(401);
      expect((await send(member)).status, `${method} ${path} as a member`).toBe(403);
      expect([401, 403], `${method} ${path} as a manager`).not.toContain((await send(manager)).status);
    }
  });

  it("describe an activity, who sees it tier by tier, and whether CrowdTwist agrees for each persona", async () => {
    const response = await manager.get("/api/manager/activities/105");
    expect(response.status).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body.activity).toMatchObject({ id: "105", publicTitle: "Buy a season ticket", minTierId: "345" });
    expect(body.matrix).toMatchObject({
      rows: [
        {
          audience: "everyone",
          cells: [
            { tier: { title: "Bronze" }, visibility: { state: "locked" } },
            { tier: { title: "Silver" }, visibility: { state: "available" } },
            { tier: { title: "Gold" }, visibility: { state: "available" } },
          ],
        },
      ],
    });
    expect(body.personas).toEqual([
      { tierId: "334", userId: "ava", observed: "locked", expected: ["locked"], agrees: true },
      { tierId: "345", userId: "ben", observed: "available", expected: ["available"], agrees: true },
      { tierId: "356", userId: "cleo", observed: "available", expected: ["available"], agrees: true },
    ]);
    expect(body.alida).toEqual({ state: "not_linked" });
  });

  it("render the member's own card for each tier, campaigns counted, hidden tiers without one", async () => {
    const body = (await manager.get("/api/manager/activities/122")).json<{
      cards: {
        tierId: string;
        activity: { visibility: { state: string }; points: { effective: number } } | null;
      }[];
    }>();
    expect(
      body.cards.map((card) => [
        card.tierId,
        card.activity?.visibility.state,
        card.activity?.points.effective,
      ]),
    ).toEqual([
      ["334", "locked", 1500],
      ["345", "available", 1500],
      ["356", "available", 1500],
    ]);
    const hidden = (await manager.get("/api/manager/activities/124")).json<{
      cards: { activity: unknown }[];
    }>();
    expect(hidden.cards.map((card) => card.activity === null)).toEqual([true, true, false]);
  });

  it("see a hidden activity as hidden for the tiers below, as CrowdTwist does", async () => {
    const body = (await manager.get("/api/manager/activities/107")).json<{
      personas: { observed: string; agrees: boolean }[];
    }>();
    expect(body.personas.map((p) => [p.observed, p.agrees])).toEqual([
      ["hidden", true],
      ["hidden", true],
      ["available", true],
    ]);
  });

  it("split in- and out-of-segment members when a segment applies", async () => {
    const body = (await manager.get("/api/manager/activities/113")).json<{
      matrix: { rows: { audience: string }[] };
    }>();
    expect(body.matrix.rows.map((row) => row.audience)).toEqual(["in_segment", "out_of_segment"]);
  });

  it("show the linked Alida survey with its member events, and warn where the forum disagrees", async () => {
    const survey = (await manager.get("/api/manager/activities/111")).json<{
      alida: Record<string, unknown>;
    }>();
    expect(survey.alida).toMatchObject({
      state: "linked",
      activity: { activityType: "Survey", status: "open", isReady: true, alternateId: "111" },
      memberEvents: { surveyCompleted: 512 },
      warnings: [],
    });
    const forum = (await manager.get("/api/manager/activities/112")).json<{
      alida: { warnings: { kind: string }[] };
    }>();
    expect(forum.alida.warnings.map((w) => w.kind)).toEqual(["alida_closed", "alida_hidden"]);
  });

  it("keep the CrowdTwist half when Alida is down", async () => {
    system.sandbox.fault({ target: "alida", status: 503 });
    try {
      const response = await manager.get("/api/manager/activities/111");
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({ activity: { id: "111" }, alida: { state: "unavailable" } });
    } finally {
      system.sandbox.clearFaults();
    }
  });

  it("list the program's activities from the personas' views, with each tier's state", async () => {
    const body = (await manager.get("/api/manager/activities")).json<{
      activities: { id: string; byTier: { observed: string }[] }[];
    }>();
    const ids = body.activities.map((a) => a.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids).toContain("124"); // hidden below Gold, still known to managers through cleo
    const scarf = body.activities.find((a) => a.id === "124");
    expect(scarf?.byTier.map((t) => t.observed)).toEqual(["hidden", "hidden", "available"]);
  });

  it("answer 400 for an id that is not a CrowdTwist id, and 404 for an unknown one", async () => {
    const bad = await manager.get("/api/manager/activities/abc");
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: "invalid_activity_id", message: expect.stringContaining("number") },
    });
    const unknown = await manager.get("/api/manager/activities/999999");
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: "activity_not_found" } });
  });

  it("preview a member read-only, only with a reason, and audit every preview", async () => {
    const noReason = await manager.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "ava",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json()).toMatchObject({
      error: { code: "invalid_preview_request", message: expect.stringContaining("why") },
    });
    const badType = await manager.post("/api/manager/preview-member", {
      idType: "google_user_id",
      userId: "ava",
      reason: "Support ticket 4711",
    });
    expect(badType.status).toBe(400);

    const preview = await manager.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "ava",
      reason: "Support ticket 4711: member cannot see the season ticket",
    });
    expect(preview.status).toBe(200);
    const body = preview.json<{ readOnly: boolean; activities: { id: string }[]; auditId: string }>();
    expect(body.readOnly).toBe(true);
    expect(body.activities.map((a) => a.id)).not.toContain("107");
    expect(body.activities.map((a) => a.id)).toContain("105");

    const audit = (await manager.get("/api/manager/audit")).json<{ entries: Record<string, unknown>[] }>();
    expect(audit.entries[0]).toMatchObject({
      id: body.auditId,
      managerSub: "morgan",
      action: "preview_member",
      memberIdType: "third_party_id",
      memberId: "ava",
      reason: "Support ticket 4711: member cannot see the season ticket",
    });
  });

  it("preview a member's whole page: the profile behind the tier card (path, numbers) and the activities", async () => {
    const pushed = await fetch(`${system.sandbox.url}/sandbox/members/ben/push`, { method: "POST" });
    expect(pushed.status).toBe(200);
    const preview = await manager.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "ben",
      reason: "Support ticket 4712: what does ben's tier card say",
    });
    expect(preview.status).toBe(200);
    expect(preview.json()).toMatchObject({
      readOnly: true,
      enrolled: true,
      profileIdType: "third_party_id",
      profile: {
        tier: { current: { title: "Silver" }, next: { title: "Gold" }, pointsToNext: 900 },
        points: { total: 2350, redeemable: 1900 },
        // Planned from ben's own activities, as his page plans it.
        plan: { toNextTier: { steps: expect.any(Array) } },
      },
      activities: expect.arrayContaining([expect.objectContaining({ id: "105" })]),
    });
    // Profiles are stored under the configured id type: another id type finds the activities only.
    const byUsername = await manager.post("/api/manager/preview-member", {
      idType: "username",
      userId: "ben",
      reason: "Support ticket 4712: by username",
    });
    expect(byUsername.json()).toMatchObject({
      enrolled: true,
      profile: null,
      profileIdType: "third_party_id",
    });
  });

  it("refuse hostile or malformed member ids with 400 that names the field and what to fix, and audit none", async () => {
    // Counted in the table itself: a page of the audit log would stop counting at its limit.
    const auditCount = async () =>
      (await system.bff.db.query<{ n: number }>("select count(*)::int as n from audit_log"))[0]?.n;
    const before = await auditCount();
    const hostile: [string, string][] = [
      ["third_party_id", "ava\u0000"],
      ["third_party_id", "\u0000"],
      ["third_party_id", "a\u0001b"],
      ["third_party_id", "a\u001fb"],
      ["third_party_id", "a\u007fb"],
      ["username", "a\u0085b"],
      ["username", "a\u009fb"],
      ["third_party_id", "ava\r\nX-Injected: 1"],
      ["third_party_id", "a\u200bb"],
      ["third_party_id", "\u202eava"],
      ["third_party_id", "a\ud800"],
      ["third_party_id", "."],
      ["third_party_id", ".."],
      ["username", " .. "],
      ["third_party_id", "/"],
      ["third_party_id", "../../v2/activities"],
      ["third_party_id", "a\\b"],
      ["third_party_id", "   "],
      ["third_party_id", "\t\u00a0\u3000"],
      ["third_party_id", "x".repeat(255)],
      ["third_party_id", "x".repeat(20_000)],
      ["id", "ava"],
      ["twitter_user_id", "@ava"],
      ["mobile_phone_number", "+1 (212) 555-0101"],
    ];
    for (const [idType, userId] of hostile) {
      const response = await manager.post("/api/manager/preview-member", {
        idType,
        userId,
        reason: "Checking how hostile ids are refused",
      });
      const label = `${idType} ${JSON.stringify(userId).slice(0, 40)}`;
      // An oversized body is refused before it is read (413); everything else is a 400 in our words.
      if (userId.length > 16_000) {
        expect(response.status, label).toBe(413);
        continue;
      }
      expect(response.status, label).toBe(400);
      expect(response.json(), label).toMatchObject({
        error: { code: "invalid_preview_request", message: expect.stringMatching(/^userId /) },
      });
    }
    expect(await auditCount()).toBe(before);
  });

  it("still preview valid ids of every id type, and odd but possible ones", async () => {
    const enrolled: [string, string][] = [
      ["id", "6566"],
      ["third_party_id", "ava"],
      ["username", "ava"],
      ["facebook_user_id", "100000000000101"],
      ["twitter_user_id", "90000101"],
      ["mobile_phone_number", "12125550101"],
      ["email", "ava@example.com"],
    ];
    for (const [idType, userId] of enrolled) {
      const response = await manager.post("/api/manager/preview-member", {
        idType,
        userId,
        reason: "Checking every id type still works",
      });
      expect(response.status, `${idType} ${userId}`).toBe(200);
      expect(response.json(), `${idType} ${userId}`).toMatchObject({
        enrolled: true,
        member: { idType, userId },
      });
    }
    // An address is looked up as a signed-in member's is: trimmed and in lower case (ADR 0020).
    const byEmail = await manager.post("/api/manager/preview-member", {
      idType: "email",
      userId: " Ava@Example.COM ",
      reason: "Checking the address is matched whatever its case",
    });
    expect(byEmail.json()).toMatchObject({
      enrolled: true,
      member: { idType: "email", userId: "ava@example.com" },
    });
    for (const userId of ["...", "a.b", "O'Brien", "名前", "%2e%2e", "ava@example.com", "a b"]) {
      const response = await manager.post("/api/manager/preview-member", {
        idType: "third_party_id",
        userId,
        reason: "Checking odd but possible ids",
      });
      expect(response.status, userId).toBe(200);
      expect(response.json(), userId).toMatchObject({ enrolled: false, member: { userId } });
    }
  });

  it("refuse a reason carrying a control character with 400, not a failed audit write", async () => {
    const response = await manager.post("/api/manager/preview-member", {
      idType: "third_party_id",
      userId: "ava",
      reason: "Support ticket\u0000 4711",
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: "invalid_preview_request", message: expect.stringContaining("reason") },
    });
  });

  it("need the CSRF header to preview a member", async () => {
    const refused = await manager.request("POST", "/api/manager/preview-member", {
      headers: { "content-type": "application/json", origin: system.portalUrl },
      body: JSON.stringify({ idType: "third_party_id", userId: "ava", reason: "Support ticket 4711" }),
    });
    expect(refused.status).toBe(403);
  });

  it("never forward the browser's cookie or authorization to CrowdTwist", async () => {
    const preview = (idType: string) =>
      manager.post(
        "/api/manager/preview-member",
        { idType, userId: "cleo", reason: "Checking the header hygiene" },
        { authorization: "Bearer from-the-browser" },
      );
    // cleo's activity descriptions are cached program-wide by a first preview; the second, under an
    // id type no other test uses (a cold cache for her list), then makes exactly one upstream call.
    expect((await preview("third_party_id")).status).toBe(200);
    system.sandbox.resetRequests();
    expect((await preview("username")).status).toBe(200);
    expect(system.sandbox.requests("crowdtwist")).toBe(1);
    const names = system.sandbox.lastHeaderNames("crowdtwist");
    expect(names).toContain("x-ct-authorization");
    expect(names).not.toContain("cookie");
    expect(names).not.toContain("authorization");
  });
});
