import type { Agent, AgentResponse } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";
import { digestOf } from "../upstream/shared-bytes.ts";

// Characterisation of the bytes members receive: the whole `/api/me/activities` answer of every
// account the sandbox seeds, and the manager's preview of each member (it shares the loader), as
// recorded before the miss path was made cheaper. Any change to how a list is parsed, reshaped,
// ordered or serialised shows up here as a diff. The sandbox dates the program from its start, so
// timestamps are written relative to it; the sandbox's port and the fetch time are masked.

const ACCOUNTS = ["ava", "ben", "cleo", "eli", "dana", "morgan"] as const;
const MEMBERS = ["ava", "ben", "cleo", "eli"] as const;
const ISO = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g;
const DAY_MS = 86_400_000;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

/**
 * An instant as its distance from the sandbox's start (in whole seconds, as CrowdTwist's epoch-second
 * dates carry it), in whole days and the remaining ms.
 */
function relative(iso: string): string {
  const started = Math.floor(system.sandbox.sandbox.state.startedAt.getTime() / 1000) * 1000;
  const ms = Date.parse(iso) - started;
  const days = Math.trunc(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  return `start${days >= 0 ? "+" : ""}${days}d${rest === 0 ? "" : `${rest >= 0 ? "+" : ""}${rest}ms`}`;
}

function normalise(text: string): string {
  return text
    .replace(/"fetchedAt":"[^"]*"/g, '"fetchedAt":"<fetched>"')
    .replace(/"ageSeconds":\d+/g, '"ageSeconds":"<age>"')
    .replace(/"auditId":[^,}]*/g, '"auditId":"<audit>"')
    .replaceAll(system.sandbox.url, "<sandbox>")
    .replace(ISO, (_match, iso: string) => `"${relative(iso)}"`);
}

/** The list once every description and Alida answer has arrived (the first may be degraded). */
async function settledActivities(agent: Agent): Promise<AgentResponse> {
  let response = await agent.get("/api/me/activities");
  for (let tries = 0; tries < 40 && response.json<MemberActivitiesBody>().freshness?.degraded; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    response = await agent.get("/api/me/activities");
  }
  return response;
}

describe("the activities members receive (characterisation)", () => {
  it("are byte for byte what they were, for every seeded account", async () => {
    const recorded: string[] = [];
    for (const username of ACCOUNTS) {
      const response = await settledActivities(await system.signIn(username));
      const headers = ["content-type", "cache-control"].map(
        (name) => `${name}: ${response.headers.get(name)}`,
      );
      recorded.push(`## ${username} ${response.status}`, ...headers, normalise(response.text), "");

      const body = response.json<MemberActivitiesBody>();
      expect(body.freshness?.degraded ?? false, username).toBe(false);
      if (body.enrolled) {
        // The ETag is the digest of exactly the activity bytes spliced into the answer.
        const prefix = '{"enrolled":true,"activities":';
        const end = response.text.lastIndexOf(',"freshness":');
        const bytes = Buffer.from(response.text.slice(prefix.length, end));
        expect(response.headers.get("etag"), username).toBe(`"${digestOf(bytes)}"`);
      }
    }
    await expect(recorded.join("\n")).toMatchFileSnapshot("__snapshots__/member-activities.answers.txt");
  });

  it("are what a manager's preview of each member shows", async () => {
    const morgan = await system.signIn("morgan");
    const recorded: string[] = [];
    for (const userId of [...MEMBERS, "nobody-here"]) {
      const response = await morgan.post("/api/manager/preview-member", {
        idType: "third_party_id",
        userId,
        reason: "characterisation of the member preview",
      });
      recorded.push(`## ${userId} ${response.status}`, normalise(response.text), "");
    }
    await expect(recorded.join("\n")).toMatchFileSnapshot("__snapshots__/member-preview.answers.txt");
  });
});
