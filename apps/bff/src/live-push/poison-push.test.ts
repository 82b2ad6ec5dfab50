import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberProfileView } from "../profile/profile-view.ts";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { type EventStream, openEventStream } from "../testing/event-stream.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";
import type { ValidationFailureReason } from "./metrics.ts";
import { livePushBody } from "./profile-fixture.ts";

// Live Push input that could poison a member, over real HTTP against the real database (
// Postgres): pushes that can never be stored are refused with 422 naming the field and counted by
// reason; rows older code stored oddly are read tolerantly; and after each, the member's /api/me,
// live stream and next normal push are fine. See docs/decisions/0011.

const PATH = "/webhooks/crowdtwist/user-profile";
const HUGE_DIGITS = `1${"0".repeat(400)}`;
const YEAR_2100 = Date.UTC(2100, 0, 1) / 1000;

interface Me {
  profile: MemberProfileView | null;
}

function randomText(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}

describe("poisonous Live Push input", () => {
  let system: TestSystem;
  let ava: Agent;
  /** ava's open tab: it must keep receiving her changes through every refusal. */
  let tab: EventStream;
  // Every normal push is one second newer than the last, well behind the server's clock.
  let clock = Math.floor(Date.now() / 1000) - 3_600;
  let points = 1_000;

  beforeAll(async () => {
    system = await startTestSystem();
    ava = await system.signIn("ava");
    expect((await pushNormal()).status).toBe(200);
    tab = await openEventStream(ava);
    expect(JSON.parse((await tab.waitFor(0)).data)).toMatchObject({ points: { total: points } });
  });
  afterAll(async () => {
    tab?.close();
    await system?.close();
  });

  async function post(text: string) {
    const response = await fetch(`${system.portalUrl}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
      body: text,
    });
    const raw = await response.text();
    return { status: response.status, raw, body: JSON.parse(raw) };
  }

  function pushNormal(member = "ava") {
    clock += 1;
    points += 1;
    return post(JSON.stringify(livePushBody(member, { dateLastUpdated: clock, totalPoints: points })));
  }

  async function refusals(reason: ValidationFailureReason): Promise<number> {
    const { values } = await system.bff.livePushMetrics.validationFailures.get();
    return values.find((v) => v.labels.reason === reason)?.value ?? 0;
  }

  async function me(): Promise<MemberProfileView | null> {
    const response = await ava.get("/api/me");
    expect(response.status, response.text).toBe(200);
    return response.json<Me>().profile;
  }

  /** A fresh tab gets the current profile at once; closed again before the next check. */
  async function freshTabProfile(): Promise<MemberProfileView> {
    const open = system.bff.hub.connections();
    const fresh = await openEventStream(ava);
    try {
      expect(fresh.status).toBe(200);
      const first = await fresh.waitFor(0);
      expect(first.event).toBe("profile");
      return JSON.parse(first.data) as MemberProfileView;
    } finally {
      fresh.close();
      // The hub caps streams per session: wait (with a deadline) until this one is gone.
      await expect.poll(() => system.bff.hub.connections(), { timeout: 5_000 }).toBe(open);
    }
  }

  /** The member is fine: page, fresh tab, and the next normal push reaches the page and the open tab. */
  async function expectMemberFine(shownPoints: number | null) {
    expect((await me())?.points.total).toBe(shownPoints);
    expect((await freshTabProfile()).points.total).toBe(shownPoints);
    const seen = tab.events().length;
    const next = await pushNormal();
    expect(next.status, next.raw).toBe(200);
    expect(next.body).toMatchObject({ outcome: "stored" });
    expect((await me())?.points.total).toBe(points);
    const update = await tab.waitFor(seen);
    expect(JSON.parse(update.data)).toMatchObject({ points: { total: points } });
  }

  const body = (patch: Record<string, unknown>, tier?: Record<string, unknown>) => {
    clock += 1;
    const base = livePushBody("ava", { dateLastUpdated: clock, totalPoints: 1 });
    return JSON.stringify({ ...base, ...patch, tierInfo: { ...base.tierInfo, ...tier } });
  };

  it.each<[string, () => string, string, ValidationFailureReason]>([
    ["NUL in a name", () => body({ firstName: "Ava\u0000" }), "firstName: unsafe_text", "unsafe_text"],
    [
      "an unpaired surrogate in a name",
      () => body({ lastName: "\ud800" }),
      "lastName: unsafe_text",
      "unsafe_text",
    ],
    [
      "an unpaired surrogate in a field we do not use",
      () => body({ extra: { notes: ["fine", "\udfff"] } }),
      "extra.notes[1]: unsafe_text",
      "unsafe_text",
    ],
    [
      "dateLastUpdated beyond the JavaScript date range",
      () => body({ dateLastUpdated: 1e13 }),
      "dateLastUpdated: out_of_range",
      "out_of_range",
    ],
    [
      "a total of 1 and 400 zeros",
      () => body({ totalPoints: HUGE_DIGITS }),
      "totalPoints: out_of_range",
      "out_of_range",
    ],
    [
      "a total of 1e400 (Infinity once parsed)",
      () => body({ totalPoints: 7 }).replace('"totalPoints":7', '"totalPoints":1e400'),
      "totalPoints: out_of_range",
      "out_of_range",
    ],
    [
      "a tier title too large for its index",
      () => body({}, { currentLevel: { minValue: 0, maxValue: null, title: randomText(9_000) } }),
      "tierInfo.currentLevel.title: out_of_range",
      "out_of_range",
    ],
    [
      "a push dated in 2100",
      () => body({ dateLastUpdated: YEAR_2100 }),
      "dateLastUpdated: future_dated",
      "future_dated",
    ],
    [
      "a member id too large for its index",
      () => body({ thirdPartyId: randomText(9_000) }),
      "thirdPartyId",
      "no_member_id",
    ],
  ])(
    "refuses %s with 422 naming the field, counts it, and the member stays fine",
    async (_name, make, where, reason) => {
      const before = await refusals(reason);
      const shown = (await me())?.points.total ?? null;
      const answer = await post(make());
      expect(answer.status, answer.raw).toBe(422);
      expect(answer.body.error).toMatchObject({
        message: expect.stringContaining(where),
        requestId: expect.any(String),
      });
      // Never the value: no NUL, no surrogate, no digits of the huge number in the answer.
      expect(answer.raw).not.toMatch(/\\u0000|\\ud800|\\udfff|0{20}/i);
      expect(await refusals(reason)).toBe(before + 1);
      await expectMemberFine(shown);
    },
  );

  it("refuses a push dated more than a day ahead; a day's skew is allowed; later normal pushes apply", async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = (seconds: number) =>
      post(JSON.stringify(livePushBody("skewed", { dateLastUpdated: now + seconds, totalPoints: seconds })));
    expect((await ahead(25 * 3_600)).status).toBe(422);
    expect(await readMemberProfile(system.bff.db, "skewed")).toBeNull();
    // Within the skew allowed, a push ahead is stored, and orders the member's pushes as usual.
    expect((await ahead(23 * 3_600)).body).toMatchObject({ outcome: "stored" });
    expect((await ahead(60)).body).toMatchObject({ outcome: "stale" });
    expect((await ahead(23 * 3_600 + 1)).body).toMatchObject({ outcome: "stored" });
    expect((await readMemberProfile(system.bff.db, "skewed"))?.profile.totalPoints).toBe(23 * 3_600 + 1);
  });

  it("accepts an unknown tier event and unknown fields, keeping the rest and naming no event", async () => {
    const history = async () =>
      (await system.bff.db.query("select assigned_by_event from tier_history where member_key = 'ava'"))
        .length;
    const recorded = await history();
    clock += 1;
    points += 1;
    const base = livePushBody("ava", { dateLastUpdated: clock, totalPoints: points, event: "TELEPORT" });
    const answer = await post(
      JSON.stringify({
        ...base,
        tierInfo: { ...base.tierInfo, dateAssigned: "2026-05-01T00:00:00Z", brandNewField: [1, { a: "b" }] },
        customData: "{not json",
        isActive: "sometimes",
        loyaltyV3: { nested: { deeper: [true, null, 3.5] } },
      }),
    );
    expect(answer.status, answer.raw).toBe(200);
    expect(answer.body).toMatchObject({ outcome: "stored" });
    const profile = await me();
    expect(profile?.points.total).toBe(points);
    // The event cannot be named; the new dateAssigned still proves an assignment (ADR 0018), which
    // is recorded without an event, once.
    expect(profile?.lastEvent).toMatchObject({ event: null, at: "2026-05-01T00:00:00.000Z" });
    expect(profile?.history[0]).toEqual(profile?.lastEvent);
    expect(await history()).toBe(recorded + 1);
    await expectMemberFine(points);
  });

  it("heals a member that older code froze with a push dated 2100 and a null total", async () => {
    await system.bff.db.query(
      `update member_profiles
          set date_last_updated = $2,
              profile = jsonb_set(jsonb_set(profile, '{totalPoints}', 'null'), '{dateLastUpdated}', to_jsonb($3::text))
        where member_key = $1`,
      ["ava", new Date(YEAR_2100 * 1000), new Date(YEAR_2100 * 1000).toISOString()],
    );
    expect((await me())?.points.total).toBeNull();
    await expectMemberFine(null);
    expect((await readMemberProfile(system.bff.db, "ava"))?.profile.dateLastUpdated).toEqual(
      new Date(clock * 1000),
    );
  });

  it.each([
    ["an empty object", {}],
    ["a string", "not a profile"],
    ["JSON null", null],
    [
      "nulls and text where numbers belong",
      { totalPoints: null, redeemablePoints: "12", tierInfo: { currentLevel: null, score: "x" } },
    ],
    [
      "dates no reader can parse and an unknown event",
      {
        totalPoints: null,
        dateLastUpdated: "yesterday",
        tierInfo: {
          currentLevel: { title: "Tier 1", minValue: "low", maxValue: null },
          nextLevel: 5,
          assignedByEvent: "TELEPORT",
          dateAssigned: "+275760-09-13T00:00:00.000Z",
          expirationDate: "-000001-01-01T00:00:00.000Z",
        },
      },
    ],
  ])("reads a stored row holding %s without failing the member's page or stream", async (_name, stored) => {
    await system.bff.db.query(
      "update member_profiles set profile = $2::jsonb, date_last_updated = $3 where member_key = $1",
      ["ava", JSON.stringify(stored), new Date(clock * 1000)],
    );
    await system.bff.db.query(
      `insert into tier_history (member_key, tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at)
       values ('ava', 'Tier 1', 'TELEPORT', null, $1, now()) on conflict do nothing`,
      [new Date(clock * 1000)],
    );
    const profile = await me();
    // What could be read: the order of pushes, from the row's own column.
    expect(profile?.lastPush.dateLastUpdated).toBe(new Date(clock * 1000).toISOString());
    expect(profile?.history.map((entry) => entry.event)).not.toContain("TELEPORT");
    await expectMemberFine(null);
  });

  it("keeps 503 for a database that is unavailable, and stores the push once it is back", async () => {
    await system.bff.db.exec("alter table member_profiles rename to member_profiles_away");
    let answer: Awaited<ReturnType<typeof post>>;
    try {
      clock += 1;
      answer = await post(JSON.stringify(livePushBody("ava", { dateLastUpdated: clock, totalPoints: 5 })));
    } finally {
      await system.bff.db.exec("alter table member_profiles_away rename to member_profiles");
    }
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe("storage_unavailable");
    await expectMemberFine(points);
  });
});
