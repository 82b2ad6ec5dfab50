import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxApp } from "@portal/sandbox/app";
import { parseSandboxEnv } from "@portal/sandbox/env";
import { createMemberPushes } from "@portal/sandbox/live-push/member-pushes";
import { createLivePushSender } from "@portal/sandbox/live-push/sender";
import { seedProgram } from "@portal/sandbox/program/seed";
import type { SeedActivity, SeedProgram } from "@portal/sandbox/program/seed-types";
import { createProgramState, type ProgramState } from "@portal/sandbox/program/state";
import { getRequestListener } from "./deps.ts";
import { cpuMs, serve } from "./ipc.ts";
import { withExtraMembers } from "./members.ts";

// The sandbox's CrowdTwist, alone in its own process, with BENCH_EXTRA_MEMBERS extra members and,
// with BENCH_ACTIVITIES, a program of that many activities. `startSandbox` always seeds the demo
// program, so this composes the same parts it does (minus the sign-in provider, which the benchmark
// does not use: sessions are created directly in the BFF).

const BENCH_API_KEY = "bench-key-0123456789";
/** Ids of generated activities start here, far above the demo's (101…124). */
const GENERATED_ID_BASE = 10_000;

const extraMembers = Number(process.env.BENCH_EXTRA_MEMBERS ?? "25000");
const activityCount = Number(process.env.BENCH_ACTIVITIES ?? String(seedProgram.activities.length));

/**
 * The demo's activities, then copies of them in turn under new ids until there are `count`: the same
 * mix of tiers, segments, caps, dates and campaigns, so a bigger program costs per activity what the
 * demo does.
 */
function withActivities(program: SeedProgram, count: number): SeedProgram {
  const templates = program.activities;
  const activities: SeedActivity[] = templates.slice(0, count);
  for (let i = activities.length; i < count; i += 1) {
    const template = templates[i % templates.length];
    if (!template) throw new Error("the seed program has no activities to copy");
    activities.push({
      ...template,
      id: GENERATED_ID_BASE + i,
      title: `${template.title} #${i}`,
      publicTitle: template.publicTitle && `${template.publicTitle} #${i}`,
      tags: template.tags.map((tag) => ({ ...tag })),
      campaigns: template.campaigns.map((campaign) => ({ ...campaign })),
    });
  }
  return { ...program, activities };
}
const env = parseSandboxEnv({
  CROWDTWIST_API_KEY: BENCH_API_KEY,
  SANDBOX_PORT: "0",
  SANDBOX_HOST: "127.0.0.1",
  LIVE_PUSH_URL: "http://127.0.0.1:9/unused",
});
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
const url = `http://127.0.0.1:${port}`;
const settled = { ...env, SANDBOX_PORT: port, publicUrl: url };
const seeded = createProgramState(withActivities(withExtraMembers(seedProgram, extraMembers), activityCount));
// The sandbox finds a member by scanning them all, which with tens of thousands of bench members
// would make the baseline measure that scan. Same answers, looked up in a map (built once: the
// benchmark never resets the state). Other id types still scan. Activities likewise, by id.
const byUsername = new Map(seeded.members().map((member) => [member.username, member]));
const byActivityId = new Map(seeded.program.activities.map((activity) => [activity.id, activity]));
const state: ProgramState = {
  ...seeded,
  findMember: (idType, userId) =>
    idType === "third_party_id" || idType === "username"
      ? byUsername.get(userId)
      : seeded.findMember(idType, userId),
  activity: (id) => byActivityId.get(id),
};
const livePush = createLivePushSender({ url: settled.livePushUrl, auth: settled.livePushAuth });
const pushes = createMemberPushes({ state, livePush });
const { app, faults } = createSandboxApp(settled, { state, livePush, pushes });
const listener = getRequestListener(app.fetch);
server.on("request", (req, res) => void listener(req, res));

const handlers = {
  /** Requests that reached the sandbox's CrowdTwist (`/v2/*`) since the last reset. */
  requests: () => faults.stats().requests.crowdtwist,
  reset: () => faults.resetStats(),
  latency: (ms: number) => {
    faults.clear();
    if (ms > 0) faults.add({ target: "crowdtwist", latencyMs: ms, status: null, hang: false, times: null });
  },
  cpu: () => cpuMs(),
};
export type SandboxHandlers = typeof handlers;

serve(handlers, {
  url,
  apiKey: BENCH_API_KEY,
  members: state.members().length,
  activities: state.program.activities.length,
});
