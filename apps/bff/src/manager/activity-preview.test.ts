import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { createActivityCatalog } from "../member/activity-catalog.ts";
import { loadProgramConfig } from "../program-config.ts";
import { startTestUpstreams, type TestUpstreams } from "../testing/upstream-clients.ts";
import { crowdTwistLoader } from "../upstream/crowdtwist-loader.ts";
import { createActivityPreview } from "./activity-preview.ts";
import { createAlidaPanel } from "./alida-panel.ts";

// One activity as a manager previews it, against the real sandbox over HTTP: the demo program's
// tiers, its personas ava (Bronze), ben (Silver) and cleo (Gold), and its Alida survey and forum.

const program = loadProgramConfig();
const env = parseEnv({ CROWDTWIST_API_KEY: "unused-here", OIDC_CLIENT_SECRET: "unused-here" });
let upstreams: TestUpstreams;

beforeAll(async () => {
  upstreams = await startTestUpstreams();
});
afterAll(() => upstreams.close());
beforeEach(() => {
  upstreams.sandbox.clearFaults();
  upstreams.sandbox.resetRequests();
});

/** A preview with cold caches, as after a start. */
function preview() {
  const parts = { env, metrics: upstreams.metrics };
  const catalog = createActivityCatalog({
    crowdtwist: upstreams.crowdtwist,
    loader: crowdTwistLoader(parts, { operation: "extended", freshMs: 60_000, maxEntries: 100 }),
  });
  return createActivityPreview({
    crowdtwist: upstreams.crowdtwist,
    program: program.program,
    timeZone: "UTC",
    links: { allowLoopbackHttp: true },
    personas: program.previewPersonas,
    extended: catalog.extended,
    personaLoader: crowdTwistLoader(parts, { operation: "personas", freshMs: 60_000, maxEntries: 100 }),
    alidaPanel: createAlidaPanel({ alida: upstreams.alida, resilience: upstreams.alidaResilience }),
  });
}

const userListCalls = () =>
  Object.entries(upstreams.sandbox.sandbox.faults.stats().paths)
    .filter(([path]) => path.startsWith("/v2/users/"))
    .reduce((sum, [, count]) => sum + count, 0);

describe("activity preview", () => {
  it.each([
    // id, each tier's state by the rules, what each persona really gets, why no tier can do it now
    ["105", ["locked", "available", "available"], ["locked", "available", "available"], []],
    ["107", ["hidden", "hidden", "available"], ["hidden", "hidden", "available"], []],
    ["101", ["available", "available", "available"], ["available", "available", "available"], []],
    [
      "116",
      ["available", "available", "available"],
      ["available", "available", "available"],
      ["not_started"],
    ],
    ["118", ["available", "available", "available"], ["available", "available", "available"], ["ended"]],
  ])(
    "reads %s tier by tier, checks it against the personas, and says why not now",
    async (id, rules, observed, notNow) => {
      const described = await preview().describe(id);
      expect(described.activity.id).toBe(id);
      expect(described.matrix.rows).toHaveLength(1);
      expect(described.matrix.rows[0]?.cells.map((cell) => cell.visibility.state)).toEqual(rules);
      expect(described.personas.map((p) => [p.userId, p.observed, p.agrees])).toEqual([
        ["ava", observed[0], true],
        ["ben", observed[1], true],
        ["cleo", observed[2], true],
      ]);
      expect(described.notNow.map((reason) => reason.kind)).toEqual(notNow);
      expect(described.alida).toEqual({ state: "not_linked" });
    },
  );

  it("makes the member's own card for each tier, none for a tier it is hidden from", async () => {
    const { cards } = await preview().describe("107");
    expect(cards.map((card) => [card.tierId, card.activity?.visibility.state ?? null])).toEqual([
      ["334", null],
      ["345", null],
      ["356", "available"],
    ]);
  });

  it("counts the campaigns a persona's list carries into every tier's card", async () => {
    const { cards } = await preview().describe("122");
    expect(cards.map((card) => card.activity?.points.effective)).toEqual([1500, 1500, 1500]);
  });

  it("splits the grid in and out of the activity's segment", async () => {
    const { matrix } = await preview().describe("113");
    expect(matrix.rows.map((row) => row.audience)).toEqual(["in_segment", "out_of_segment"]);
  });

  it("puts the linked survey on the page and the closed forum's reasons in its grid", async () => {
    const survey = await preview().describe("111");
    expect(survey.alida).toMatchObject({ state: "linked", activity: { status: "open" } });
    expect(survey.notNow).toEqual([]);
    const forum = await preview().describe("112");
    expect(forum.alida.state).toBe("linked");
    expect(forum.notNow.length).toBeGreaterThan(0);
    expect(forum.notNow.every((reason) => reason.kind === "community")).toBe(true);
  });

  it("offers a linked survey on CrowdTwist's word while Alida is down, each card saying so", async () => {
    upstreams.sandbox.fault({ target: "alida", status: 503, pathPrefix: "/v1/" });
    const described = await preview().describe("111");
    expect(described.alida.state).toBe("unavailable");
    expect(described.notNow).toEqual([]);
    // Not "no community" (an activity without a link) and not "open": could not be checked.
    expect(described.cards.map((card) => card.activity?.community)).toEqual([
      { checked: false },
      { checked: false },
      { checked: false },
    ]);
  });

  it("leaves a persona it cannot read unknown, and keeps the rest", async () => {
    upstreams.sandbox.fault({ target: "crowdtwist", status: 503, pathPrefix: "/v2/users/ben/" });
    const described = await preview().describe("105");
    expect(described.personas.map((p) => [p.userId, p.observed])).toEqual([
      ["ava", "locked"],
      ["ben", null],
      ["cleo", "available"],
    ]);
  });

  it("reads each persona's list once for many activities", async () => {
    const service = preview();
    for (const id of ["101", "105", "107"]) await service.describe(id);
    expect(userListCalls()).toBe(3);
  });

  it("hands CrowdTwist's 404 for an unknown activity to the caller", async () => {
    await expect(preview().describe("999999")).rejects.toBeInstanceOf(CrowdTwistError);
  });
});
