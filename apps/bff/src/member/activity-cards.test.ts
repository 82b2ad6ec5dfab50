import { createAlidaClient } from "@portal/alida/client";
import { createCrowdTwistClient } from "@portal/crowdtwist/client";
import { type UserActivity, userActivitiesResponseSchema } from "@portal/crowdtwist/user-activity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import { loadProgramConfig } from "../program-config.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { type CachedLoader, createCachedLoader } from "../upstream/cached-upstream.ts";
import { createSwrCache } from "../upstream/swr-cache.ts";
import { createActivityCatalog } from "./activity-catalog.ts";
import { toActivityViews, withDetails } from "./activity-views.ts";
import { type CommunityStatus, createCommunityStatus } from "./community-status.ts";
import { type ActivitiesBytes, createMemberActivities, type MemberActivities } from "./member-activities.ts";

// The member's list as the miss path makes it (remembered items, reused cards) against the reference
// — a fresh schema parse of CrowdTwist's answer, fresh descriptions and Alida answers, toActivityViews
// and JSON.stringify — on the real sandbox, at many instants (every date boundary of the program, in
// any order), after a catalogue refresh, a campaign change and a change of Alida's state.

const ALIDA_SECRET = "test-alida-client-secret";
const MEMBERS = ["ava", "ben", "cleo", "eli"] as const;
const DAY_MS = 86_400_000;
const program = loadProgramConfig().program;
const metrics = createMetrics();

let sandbox: TestSandbox;
let clock = new Date();
let community: CommunityStatus;
let catalogLoader: CachedLoader;
let activities: MemberActivities;
let ticks = 0;

const crowdtwistClient = () => createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY });
const alidaCommunity = () =>
  createCommunityStatus({
    alida: createAlidaClient({
      baseUrl: sandbox.url,
      tokenUrl: `${sandbox.url}/oauth/token`,
      communityApiKeyName: "demo-community",
      clientId: "portal-bff",
      clientSecret: ALIDA_SECRET,
      timeoutMs: 2_000,
    }),
    metrics,
  });
const programWideLoader = () =>
  createCachedLoader({
    operation: "test_extended",
    upstream: "crowdtwist",
    metrics,
    cache: createSwrCache({ freshMs: 3_600_000, staleMs: 3_600_000 }),
  });

beforeAll(async () => {
  sandbox = await startTestSandbox({ ALIDA_CLIENT_SECRET: ALIDA_SECRET });
  const crowdtwist = crowdtwistClient();
  community = alidaCommunity();
  catalogLoader = programWideLoader();
  activities = createMemberActivities({
    crowdtwist,
    idType: "third_party_id",
    program,
    // Every read a miss: each one makes the list anew. The cache's clock moves on at every look, or
    // a read in the same millisecond as the last store would still find that entry fresh.
    loader: createCachedLoader<ActivitiesBytes>({
      operation: "test_activities",
      upstream: "crowdtwist",
      metrics,
      cache: createSwrCache<ActivitiesBytes>({ freshMs: 0, staleMs: 0, now: () => (ticks += 1) }),
    }),
    catalog: createActivityCatalog({ crowdtwist, loader: catalogLoader }),
    community: { lookup: (ids) => community.lookup(ids) },
    timeZone: "UTC",
    now: () => clock,
  });
});
afterAll(() => sandbox.close());

/** CrowdTwist's list for a member, parsed afresh by the schema alone. */
async function upstreamOf(username: string): Promise<UserActivity[]> {
  const response = await fetch(`${sandbox.url}/v2/users/${username}/activities?id_type=third_party_id`, {
    headers: { "x-ct-authorization": `CTApiKey ${SANDBOX_API_KEY}` },
  });
  return userActivitiesResponseSchema.parse(await response.json());
}

/**
 * What the list was before any memory: CrowdTwist's answer, the descriptions and Alida's answers
 * fetched afresh (the program as it is now), then toActivityViews and JSON.stringify at any instant.
 */
async function referenceAt(username: string): Promise<(now: Date) => string> {
  const upstream = await upstreamOf(username);
  // On a busy machine a description or an Alida answer may miss its wait: ask again until whole.
  for (let attempt = 1; ; attempt += 1) {
    const catalog = createActivityCatalog({ crowdtwist: crowdtwistClient(), loader: programWideLoader() });
    const { details, complete } = await catalog.details(upstream.map((activity) => activity.id));
    const communities = await alidaCommunity().lookup(
      [...details.values()].flatMap((found) => found.alidaActivityId ?? []),
    );
    if ((!complete || [...communities.values()].some((c) => !c.checked)) && attempt < 5) continue;
    const inputs = upstream.map((activity) => withDetails(activity, details.get(activity.id), communities));
    return (now) => JSON.stringify(toActivityViews(inputs, program, now, "UTC"));
  }
}

async function missPath(username: string, now: Date): Promise<string> {
  clock = now;
  for (let attempt = 1; ; attempt += 1) {
    const result = await activities.forMember(username);
    if (!result.enrolled) throw new Error(`${username} is enrolled`);
    const text = Buffer.from(result.activitiesBytes).toString("utf8");
    // Incomplete (a description missed its wait) or Alida unchecked: the next read asks again.
    if ((result.freshness.degraded || text.includes('"checked":false')) && attempt < 5) continue;
    return text;
  }
}

/** Every instant where some activity's window state or whole days left changes, ± 1 ms. */
async function boundaries(): Promise<Date[]> {
  const instants = new Set<number>();
  for (const username of MEMBERS) {
    for (const activity of await upstreamOf(username)) {
      for (const bound of [activity.dateStart, activity.dateEnd]) {
        if (!bound) continue;
        for (let days = 0; days <= 9; days += 1) {
          for (const delta of [-1, 0, 1]) instants.add(bound.getTime() - days * DAY_MS + delta);
        }
      }
    }
  }
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}

describe("a member's list from reused cards", () => {
  it("is the reference's, byte for byte, at every date boundary and in between, in any order", async () => {
    const started = sandbox.sandbox.state.startedAt.getTime();
    const sweep = Array.from({ length: 160 }, (_, i) => new Date(started + (i - 60) * 13 * 3_600_000));
    const instants = [...(await boundaries()), ...sweep];
    const references = new Map(
      await Promise.all(MEMBERS.map(async (m) => [m, await referenceAt(m)] as const)),
    );
    const orders = [instants, [...instants].reverse()];
    for (const order of orders) {
      for (const [i, now] of order.entries()) {
        const username = MEMBERS[i % MEMBERS.length] ?? "ava";
        const expected = references.get(username)?.(now);
        expect(await missPath(username, now), `${username} at ${now.toISOString()}`).toBe(expected);
      }
    }
  }, 120_000);

  it("gives members whose lists are made of the same cards one bytes object, and new bytes for new cards", async () => {
    const read = async (username: string, now: Date) => {
      clock = now;
      const result = await activities.forMember(username);
      if (!result.enrolled) throw new Error(`${username} is enrolled`);
      return result.activitiesBytes;
    };
    const now = new Date();
    const first = await read("ava", now);
    expect(await read("ava", now)).toBe(first);
    expect(await read("ben", now)).not.toBe(first);
    // A day later the ending-soon activity has a day less: other cards, other bytes.
    const later = await read("ava", new Date(now.getTime() + DAY_MS));
    expect(later).not.toBe(first);
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });

  it("follows a catalogue refresh, a campaign change and a change of Alida's state", async () => {
    const now = new Date();
    const { activities: seeded, alida } = sandbox.sandbox.state.program;
    const described = seeded.find((activity) => activity.id === 101);
    const campaigned = seeded.find((activity) => activity.id === 109);
    const survey = alida.activities.find((activity) => activity.activityType === "Survey");
    if (!described || !campaigned || !survey) throw new Error("the demo program has 101, 109 and a survey");
    const saved = {
      publicTitle: described.publicTitle,
      frequency: described.frequency,
      campaigns: campaigned.campaigns,
      status: survey.status,
    };
    const check = async () => {
      for (const username of MEMBERS) {
        const expected = (await referenceAt(username))(now);
        expect(await missPath(username, now), username).toBe(expected);
      }
      return missPath("ava", now);
    };
    try {
      const before = await check();

      described.publicTitle = "Renamed in Control Center";
      described.frequency = { cap: 3, periodId: 4, requiredAttempts: null };
      await catalogLoader.forget("extended:101");
      const renamed = await check();
      expect(before).not.toContain("Renamed in Control Center");
      expect(renamed).toContain("Renamed in Control Center");

      campaigned.campaigns = [{ title: "Flash bonus", multiplier: 5, pointGift: 0 }];
      expect(await check()).toContain("Flash bonus");

      survey.status = "closed";
      // The program-wide Alida cache has expired: the next list asks Alida again.
      community = alidaCommunity();
      const closed = await check();
      expect(JSON.parse(closed).find((a: { id: string }) => a.id === "111")?.community).toEqual({
        checked: true,
        kind: "survey",
        blocks: ["closed"],
      });
    } finally {
      described.publicTitle = saved.publicTitle;
      described.frequency = saved.frequency;
      campaigned.campaigns = saved.campaigns;
      survey.status = saved.status;
      community = alidaCommunity();
      await catalogLoader.forget("extended:101");
    }
    // And back: the cards made before the changes are right again.
    for (const username of MEMBERS) {
      expect(await missPath(username, now)).toBe(await (await referenceAt(username))(now));
    }
  });
});
