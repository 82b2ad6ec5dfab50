import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseSandboxEnv } from "../env.ts";
import { SEGMENT } from "../program/seed-ids.ts";
import { type RunningSandbox, startSandbox } from "../start.ts";

// The Data Push feeds the sandbox sends beside the profile (docs/decisions/0030), caught by a real
// receiver on loopback: which feed each action pushes, to which path, in which order, in which shape
// (against upstream-docs/crowdtwist-data-push-feeds.md), and the fault switches on them.

type Json = Record<string, unknown>;
interface Received {
  path: string;
  body: Json;
}

const SEGMENTATION_SAMPLE = {
  user_id: 10,
  email_address: "joe@example.com",
  third_party_id: "user-123",
  type: "segment",
  name: "Users in New York",
  subscription_id: 200,
  event: "entered",
  trigger: "segment criteria",
  date_occurred: "2022-07-27T18:29:18Z",
};
const ACTIVITY_KEY_FIELDS = [
  "userActivityId",
  "activityId",
  "activityName",
  "points",
  "notes",
  "translatedTitle",
  "translatedDescription",
];
const REDEMPTION_KEY_FIELDS = ["orderId", "orderDate", "rewardId", "rewardGroupId"];
const EXPIRATION_KEY_FIELDS = ["user_id", "email_address", "third_party_id", "message_date"];

const received: Received[] = [];
let server: ReturnType<typeof createServer>;
let sandbox: RunningSandbox;

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(data) as Json });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  sandbox = await startSandbox(
    parseSandboxEnv({
      SANDBOX_PORT: "0",
      CROWDTWIST_API_KEY: "k-0123456789",
      LIVE_PUSH_URL: `http://127.0.0.1:${port}/webhooks/crowdtwist/user-profile`,
      LIVE_PUSH_API_KEY: "push-key-0123456789",
    }),
  );
});
afterAll(async () => {
  await sandbox.close();
  server.close();
});
beforeEach(async () => {
  await fetch(`${sandbox.url}/sandbox/reset`, { method: "POST" });
  received.length = 0;
});

/** Waits (at most 5 s) until `count` deliveries have arrived. */
async function arrivals(count: number): Promise<Received[]> {
  const deadline = Date.now() + 5_000;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(received.length).toBe(count);
  return [...received];
}

const post = (path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, {
    method: "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

async function activityIds(username: string): Promise<number[]> {
  const response = await fetch(`${sandbox.url}/v2/users/${username}/activities?id_type=username`, {
    headers: { "X-CT-Authorization": "CTApiKey k-0123456789" },
  });
  return ((await response.json()) as { id: number }[]).map((activity) => activity.id);
}

describe("a completion", () => {
  it("pushes its User Activity message to /user-activity first, then the profile", async () => {
    expect((await post("/sandbox/members/ava/complete/120")).status).toBe(200);
    const [activity, profile] = await arrivals(2);
    expect(activity?.path).toBe("/webhooks/crowdtwist/user-activity");
    expect(profile?.path).toBe("/webhooks/crowdtwist/user-profile");
    for (const field of ACTIVITY_KEY_FIELDS) expect(activity?.body).toHaveProperty(field);
    expect(activity?.body).toMatchObject({
      activityId: 120,
      points: 200,
      activityName: "Complete your profile",
      translatedTitle: null,
      thirdPartyId: "ava",
      emailAddress: "ava@example.com",
      userId: 6566,
    });
    expect(Number.isSafeInteger(activity?.body.userActivityId)).toBe(true);
    expect(Math.abs((activity?.body.dateCreated as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("gives every completion its own id, and a member with a language its translated title", async () => {
    await post("/sandbox/members/cleo/complete/101");
    await post("/sandbox/members/cleo/complete/103");
    const activities = (await arrivals(4)).filter((r) => r.path.endsWith("/user-activity"));
    expect(activities.map((r) => r.body.translatedTitle)).toEqual(["Passage quotidien", null]);
    expect(new Set(activities.map((r) => r.body.userActivityId)).size).toBe(2);
  });
});

describe("a redemption", () => {
  it("pushes a negative completion naming the order, the order, the profile and what now expires", async () => {
    const answer = await post("/sandbox/members/ava/redeem/947563");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ cost: 300, redeemablePoints: 50 });
    const byPath = new Map((await arrivals(4)).map((r) => [r.path.split("/").pop(), r.body]));
    const activity = byPath.get("user-activity");
    const order = byPath.get("user-redemption");
    for (const field of REDEMPTION_KEY_FIELDS) expect(order).toHaveProperty(field);
    expect(activity).toMatchObject({ points: -300, referenceId: order?.orderId });
    expect(order).toMatchObject({ rewardId: 947563, rewardGroupId: 12345, title: "$20 Gift Card" });
    expect(byPath.get("user-profile")).toMatchObject({ redeemablePoints: 50 });
    expect(byPath.get("points-expiration")).toMatchObject({ redemption_period_points_expiration: [] });
  });

  it("is refused without enough points, and nothing is pushed", async () => {
    expect((await post("/sandbox/members/ava/redeem/947580")).status).toBe(409);
    expect((await post("/sandbox/members/ava/redeem/nope")).status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
  });
});

describe("a segment change", () => {
  it("changes what CrowdTwist lists for the member and pushes the sample's shape", async () => {
    expect(await activityIds("ava")).toContain(113);
    const exited = await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "exited" });
    expect(await exited.json()).toEqual({ changed: true, segments: [] });
    expect(await activityIds("ava")).not.toContain(113);
    const [message] = await arrivals(1);
    expect(message?.path).toBe("/webhooks/crowdtwist/user-segmentation");
    expect(Object.keys(message?.body ?? {}).sort()).toEqual(Object.keys(SEGMENTATION_SAMPLE).sort());
    expect(message?.body).toMatchObject({
      user_id: 6566,
      third_party_id: "ava",
      type: "segment",
      name: "New York Members",
      subscription_id: SEGMENT.newYork,
      event: "exited",
      trigger: "segment criteria",
    });
    expect(message?.body.date_occurred).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "entered" });
    expect(await activityIds("ava")).toContain(113);
    const [, entered] = await arrivals(2);
    expect(entered?.body).toMatchObject({ event: "entered" });
    expect(Date.parse(entered?.body.date_occurred as string)).toBeGreaterThan(
      Date.parse(message?.body.date_occurred as string),
    );
  });

  it("pushes nothing when nothing changes, and refuses what it does not know", async () => {
    const same = await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "entered" });
    expect(await same.json()).toEqual({ changed: false, segments: [SEGMENT.newYork] });
    expect((await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "moved" })).status).toBe(
      400,
    );
    expect((await post("/sandbox/members/ava/segments/1", { event: "entered" })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
  });

  it("is duplicated and replayed out of order by the Live Push fault switches", async () => {
    await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "exited" });
    await arrivals(1);
    await post("/sandbox/live-push/faults", { duplicate: true, outOfOrder: true });
    await post(`/sandbox/members/ava/segments/${SEGMENT.newYork}`, { event: "entered" });
    const events = (await arrivals(4)).map((r) => r.body.event);
    expect(events).toEqual(["exited", "entered", "entered", "exited"]);
    const notes = sandbox.livePush
      .deliveries()
      .slice(-3)
      .map((d) => [d.feed, d.note ?? ""]);
    expect(notes).toEqual([
      ["user_segmentation", ""],
      ["user_segmentation", "duplicate"],
      ["user_segmentation", "out-of-order"],
    ]);
  });
});

describe("synchronising (start and reset)", () => {
  it("pushes every member's profile, expiring points and segment memberships", async () => {
    await sandbox.pushAll();
    const members = sandbox.state.members().length;
    const segments = sandbox.state.program.segments.length;
    const all = await arrivals(members * (2 + segments));
    const expirations = all.filter((r) => r.path.endsWith("/points-expiration"));
    expect(expirations).toHaveLength(members);
    for (const { body } of expirations)
      for (const field of EXPIRATION_KEY_FIELDS) expect(body).toHaveProperty(field);
    const ava = expirations.find((r) => r.body.third_party_id === "ava")?.body;
    const entries = (ava?.redemption_period_points_expiration ?? []) as { expiration_date: string }[];
    const dates = entries.map((e) => Date.parse(e.expiration_date));
    expect(dates.some((date) => date - Date.now() < 30 * 86_400_000)).toBe(true);
    const memberships = all.filter(
      (r) => r.path.endsWith("/user-segmentation") && r.body.third_party_id === "ava",
    );
    expect(memberships.map((r) => [r.body.subscription_id, r.body.event])).toEqual(
      sandbox.state.program.segments.map((s) => [
        s.subscriptionId,
        s.subscriptionId === SEGMENT.newYork ? "entered" : "exited",
      ]),
    );
  });
});
