import { createAlidaClient } from "@portal/alida/client";
import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import {
  startTestUpstreams,
  TEST_ALIDA_CLIENT_SECRET,
  type TestUpstreams,
} from "../testing/upstream-clients.ts";
import { createUpstreamResilience } from "../upstream/resilience.ts";
import { createAlidaPanel } from "./alida-panel.ts";

// The Alida half of an activity's preview against the real sandbox over HTTP: the descriptions come
// from its CrowdTwist, the survey and forum from its Alida, faults from its fault injection.

let upstreams: TestUpstreams;
let season: ActivityExtended; // 105: not linked to Alida
let survey: ActivityExtended; // 111: an open survey
let forum: ActivityExtended; // 112: a closed forum, hidden from members

beforeAll(async () => {
  upstreams = await startTestUpstreams();
  const read = (id: string) => upstreams.crowdtwist.getActivityExtended(id);
  [season, survey, forum] = await Promise.all([read("105"), read("111"), read("112")]);
});
afterAll(() => upstreams.close());
beforeEach(() => {
  upstreams.sandbox.clearFaults();
  upstreams.sandbox.resetRequests();
});

const panel = () => createAlidaPanel({ alida: upstreams.alida, resilience: upstreams.alidaResilience });
const linkedTo = (activity: ActivityExtended, alidaActivityId: string): ActivityExtended => ({
  ...activity,
  extraData: { ...activity.extraData, alida_activity_id: alidaActivityId },
});

describe("Alida panel", () => {
  it("says an activity with no Alida link is not linked, and asks Alida nothing", async () => {
    expect(await panel()(season)).toEqual({ state: "not_linked" });
    expect(upstreams.sandbox.requests("alida")).toBe(0);
  });

  it("shows the linked survey with its member events and no warning while both sides agree", async () => {
    expect(await panel()(survey)).toMatchObject({
      state: "linked",
      alidaActivityId: survey.extraData?.alida_activity_id,
      activity: { activityType: "Survey", status: "open", isReady: true, alternateId: "111" },
      memberEvents: { surveyCompleted: 512 },
      warnings: [],
    });
  });

  it("warns where the forum disagrees with CrowdTwist: closed, and hidden from members", async () => {
    const answer = await panel()(forum);
    expect(answer.state).toBe("linked");
    expect(answer.state === "linked" && answer.warnings.map((warning) => warning.kind)).toEqual([
      "alida_closed",
      "alida_hidden",
    ]);
  });

  it("says which Alida id is not found when the link points at nothing", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(await panel()(linkedTo(survey, id))).toEqual({ state: "not_found", alidaActivityId: id });
  });

  it("keeps the activity without member events when only the summary fails", async () => {
    upstreams.sandbox.fault({ target: "alida", status: 503, pathPrefix: "/c/" });
    expect(await panel()(survey)).toMatchObject({
      state: "linked",
      activity: { status: "open" },
      memberEvents: null,
    });
  });

  it.each([
    ["a 503", { status: 503 }],
    ["a 500", { status: 500 }],
  ])("is unavailable in our own words when Alida answers %s", async (_name, fault) => {
    upstreams.sandbox.fault({ target: "alida", ...fault });
    const answer = await panel()(survey);
    expect(answer).toEqual({
      state: "unavailable",
      alidaActivityId: survey.extraData?.alida_activity_id,
      reason: "not_answering",
      message: "The research community is not answering right now; CrowdTwist's side is shown as usual.",
    });
  });

  it("says Alida is not configured when the portal has no client, naming the setting", async () => {
    const answer = await createAlidaPanel({ alida: null, resilience: upstreams.alidaResilience })(survey);
    expect(answer).toMatchObject({
      state: "unavailable",
      reason: "not_configured",
      message: expect.stringContaining("ALIDA_CLIENT_SECRET"),
    });
    expect(upstreams.sandbox.requests("alida")).toBe(0);
  });

  it("gives up on a hanging Alida at its budget, whatever the client and the resilience would wait", async () => {
    // A client and a resilience that wait far beyond the test's own deadline: only the budget ends it.
    const patient = createAlidaClient({
      baseUrl: upstreams.sandbox.url,
      tokenUrl: `${upstreams.sandbox.url}/oauth/token`,
      communityApiKeyName: "demo-community",
      clientId: "portal-bff",
      clientSecret: TEST_ALIDA_CLIENT_SECRET,
      timeoutMs: 60_000,
    });
    const resilience = createUpstreamResilience({
      upstream: "alida",
      metrics: createMetrics({ defaultMetrics: false }),
      retries: 0,
      deadlineMs: 60_000,
    });
    try {
      upstreams.sandbox.fault({ target: "alida", hang: true, pathPrefix: "/v1/" });
      const answer = await createAlidaPanel({ alida: patient, resilience, budgetMs: 300 })(survey);
      expect(answer).toMatchObject({ state: "unavailable" });
    } finally {
      upstreams.sandbox.clearFaults();
      await patient.close();
    }
  });
});
