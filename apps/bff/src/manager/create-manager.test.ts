import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { createActivityCatalog } from "../member/activity-catalog.ts";
import { createCommunityStatus } from "../member/community-status.ts";
import { type ActivitiesBytes, createMemberActivities } from "../member/member-activities.ts";
import { createMemberFeeds } from "../member/member-feeds.ts";
import { createPointsHistory } from "../member/points-history.ts";
import { createMemberProfiles } from "../profile/member-profiles.ts";
import { loadProgramConfig } from "../program-config.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { startTestUpstreams, type TestUpstreams } from "../testing/upstream-clients.ts";
import { crowdTwistLoader } from "../upstream/crowdtwist-loader.ts";
import { resilientAlida } from "../upstream/resilient-alida.ts";
import { createManager, type ManagerParts } from "./create-manager.ts";

// The manager area wired as bff.ts wires it, on a real database and the sandbox over HTTP: what the
// pages get from the program config and the environment, and that its services share their caches.

const programConfig = loadProgramConfig();
let database: TestDatabase;
let upstreams: TestUpstreams;

beforeAll(async () => {
  [database, upstreams] = await Promise.all([openTestDatabase(), startTestUpstreams()]);
});
afterAll(async () => {
  await upstreams.close();
  await database.close();
});

function parts(overrides: Record<string, string> = {}, withAlida = true): ManagerParts {
  const env = parseEnv({
    CROWDTWIST_API_KEY: "unused-here",
    OIDC_CLIENT_SECRET: "unused-here",
    PROGRAM_TIME_ZONE: "America/New_York",
    ...overrides,
  });
  const loaderParts = { env, metrics: upstreams.metrics };
  const catalog = createActivityCatalog({
    crowdtwist: upstreams.crowdtwist,
    loader: crowdTwistLoader(loaderParts, { operation: "extended", freshMs: 60_000, maxEntries: 100 }),
  });
  const alida = withAlida ? upstreams.alida : null;
  const memberActivities = createMemberActivities({
    crowdtwist: upstreams.crowdtwist,
    idType: env.CROWDTWIST_ID_TYPE,
    program: programConfig.program,
    loader: crowdTwistLoader<ActivitiesBytes>(loaderParts, {
      operation: "lists",
      freshMs: 60_000,
      maxEntries: 100,
    }),
    catalog,
    community: createCommunityStatus({
      alida: alida && resilientAlida(alida, upstreams.alidaResilience),
      metrics: upstreams.metrics,
    }),
    timeZone: env.PROGRAM_TIME_ZONE,
  });
  return {
    env,
    db: database.db,
    metrics: upstreams.metrics,
    programConfig,
    crowdtwist: upstreams.crowdtwist,
    alida,
    alidaResilience: upstreams.alidaResilience,
    memberActivities,
    profiles: createMemberProfiles({ db: database.db, program: programConfig.program, memberActivities }),
    catalog,
    history: createPointsHistory({ db: database.db, catalog }),
    feeds: createMemberFeeds(database.db),
  };
}

const userListCalls = () =>
  Object.entries(upstreams.sandbox.sandbox.faults.stats().paths)
    .filter(([path]) => path.startsWith("/v2/users/"))
    .reduce((sum, [, count]) => sum + count, 0);

describe("createManager", () => {
  it("names the program's tiers, lowest first, and the id type profiles are stored under", () => {
    const manager = createManager(parts({ CROWDTWIST_ID_TYPE: "email" }));
    expect(manager.tiers).toEqual([
      { id: "334", title: "Bronze", minScore: 0 },
      { id: "345", title: "Silver", minScore: 1000 },
      { id: "356", title: "Gold", minScore: 2500 },
    ]);
    expect(manager.profileIdType).toBe("email");
  });

  it("passes the member services through, for the preview of a member's page", () => {
    const given = parts();
    const manager = createManager(given);
    expect(manager.memberActivities).toBe(given.memberActivities);
    expect(manager.profiles).toBe(given.profiles);
    expect(manager.history).toBe(given.history);
    expect(manager.feeds).toBe(given.feeds);
  });

  it("lets the list of known activities reuse the personas the preview read", async () => {
    const manager = createManager(parts());
    upstreams.sandbox.resetRequests();
    const described = await manager.preview.describe("105");
    expect(described.personas.map((p) => p.agrees)).toEqual([true, true, true]);
    const known = await manager.known.list();
    expect(known.map((activity) => activity.id)).toContain("124");
    expect(userListCalls()).toBe(3); // one per persona, for both
  });

  it("writes the audit log into the database, and reads days in the program's time zone", async () => {
    const manager = createManager(parts());
    await database.db.query(
      `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
       values ('2024-03-09T04:30:00Z', 'pat', 'Pat', 'preview_member', 'third_party_id', 'ben', 'late on the 8th')`,
    );
    const entry = await manager.audit.record({
      managerSub: "morgan",
      managerName: "Morgan",
      action: "preview_member",
      memberIdType: "third_party_id",
      memberId: "ava",
      reason: "Support ticket 4711",
    });
    const rows = await database.db.query<{ reason: string }>("select reason from audit_log where id = $1", [
      entry.id,
    ]);
    expect(rows).toEqual([{ reason: "Support ticket 4711" }]);
    // 04:30 UTC on the 9th is the 8th in New York (the zone given above), not in UTC.
    const onThe8th = await manager.audit.list({ from: "2024-03-08", to: "2024-03-08" });
    expect(onThe8th.entries.map((e) => e.reason)).toEqual(["late on the 8th"]);
  });

  it("says a linked activity's Alida side is not configured when the portal has no Alida client", async () => {
    const manager = createManager(parts({}, false));
    const described = await manager.preview.describe("111");
    expect(described.alida).toMatchObject({
      state: "unavailable",
      message: expect.stringContaining("ALIDA_CLIENT_SECRET"),
    });
  });
});
