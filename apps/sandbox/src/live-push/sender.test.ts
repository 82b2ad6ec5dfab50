import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { seedProgram } from "../program/seed.ts";
import { createProgramState } from "../program/state.ts";
import { renderLivePushProfile } from "./profile.ts";
import { createLivePushSender } from "./sender.ts";

interface Received {
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real receiver on loopback that answers with the given statuses in turn (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(data) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/crowdtwist/user-profile`, received };
}

const state = createProgramState(seedProgram);
const profile = (username: string) => {
  const member = state.members().find((m) => m.username === username);
  if (!member) throw new Error(username);
  return renderLivePushProfile(member, seedProgram.tiers, new Date());
};

describe("Live Push sender", () => {
  it("posts the profile as JSON with the configured x-api-key", async () => {
    const { url, received } = await receiver();
    const sender = createLivePushSender({ url, auth: { kind: "api-key", apiKey: "push-key-123456" } });
    expect(await sender.send(profile("ava"))).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]?.headers["x-api-key"]).toBe("push-key-123456");
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(received[0]?.body).toMatchObject({ userName: "ava", thirdPartyId: "ava", fanLevelName: "Bronze" });
  });

  it("uses Basic authentication when configured", async () => {
    const { url, received } = await receiver();
    const sender = createLivePushSender({
      url,
      auth: { kind: "basic", user: "ct", password: "pass-word-1" },
    });
    await sender.send(profile("ben"));
    expect(received[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("ct:pass-word-1").toString("base64")}`,
    );
  });

  it("retries until the receiver acknowledges", async () => {
    const { url, received } = await receiver([503, 500]);
    const sender = createLivePushSender({ url, auth: { kind: "none" }, baseDelayMs: 5 });
    expect(await sender.send(profile("cleo"))).toBe(true);
    expect(received).toHaveLength(3);
    expect(sender.deliveries().map((d) => d.status)).toEqual([503, 500, 200]);
  });

  it("does not retry a refusal such as 401", async () => {
    const { url, received } = await receiver([401]);
    const sender = createLivePushSender({ url, auth: { kind: "none" }, baseDelayMs: 5 });
    expect(await sender.send(profile("ava"))).toBe(false);
    expect(received).toHaveLength(1);
  });

  it("duplicates deliveries and replays an older profile when asked to", async () => {
    const { url, received } = await receiver();
    const sender = createLivePushSender({ url, auth: { kind: "none" } });
    const older = profile("ava");
    const newer = { ...older, dateLastUpdated: older.dateLastUpdated + 60, totalPoints: 999 };
    await sender.send(older);
    sender.setFaults({ duplicate: true, outOfOrder: true });
    await sender.send(newer);
    expect(received.map((r) => r.body.dateLastUpdated)).toEqual([
      older.dateLastUpdated,
      newer.dateLastUpdated,
      newer.dateLastUpdated,
      older.dateLastUpdated,
    ]);
    expect(sender.deliveries().map((d) => d.note ?? "")).toEqual(["", "", "duplicate", "out-of-order"]);
  });
});

describe("Live Push profile", () => {
  it("carries the documented fields, including the ones the portal must drop", () => {
    const body = profile("ben");
    expect(body).toMatchObject({
      password: null,
      salt: null,
      hashAlgorithmId: null,
      ipAddress: expect.any(String),
    });
    expect(body.tierInfo).toMatchObject({
      currentLevel: { title: "Silver", minValue: 1000, maxValue: 2499 },
      nextLevel: { title: "Gold", minValue: 2500, maxValue: null },
      scoreNeededToReach: 900,
      tierScore: 1600,
      score: 1600,
      assignedByEvent: "JUMP",
    });
  });

  it("writes assignedByEvent in upper case for some members and lower case for others", () => {
    expect(profile("ben").tierInfo.assignedByEvent).toBe("JUMP");
    expect(profile("ava").tierInfo.assignedByEvent).toBe("start");
  });

  it("after a maintain and a drop has the document's sample shape: tier score 0, timeframe score past the tier", () => {
    let clock = new Date("2026-05-01T10:00:00Z");
    const own = createProgramState(seedProgram, () => clock);
    const push = () => {
      const ben = own.members().find((m) => m.username === "ben");
      if (!ben) throw new Error("ben");
      return renderLivePushProfile(ben, seedProgram.tiers, clock);
    };
    expect(own.endTierPeriod("ben")).toMatchObject({ ok: true, event: "MAINTAIN" });
    expect(push().tierInfo).toMatchObject({
      assignedByEvent: "MAINTAIN",
      currentLevel: { title: "Silver" },
      tierScore: 0,
      scoreNeededToReach: 2500,
      scoreNeededToMaintain: 1000,
      // ben's pushes carry ISO 8601 dates without a zone (UTC), as the format allows.
      dateAssigned: clock.toISOString().slice(0, 23),
    });
    clock = new Date("2027-05-01T10:00:00Z");
    expect(own.endTierPeriod("ben")).toMatchObject({ ok: true, event: "DROP" });
    const dropped = push();
    expect(dropped.fanLevelName).toBe("Bronze");
    expect(dropped.tierInfo).toEqual(
      expect.objectContaining({
        assignedByEvent: "DROP",
        currentLevel: { title: "Bronze", minValue: null, maxValue: 999 },
        nextLevel: { title: "Silver", minValue: 1000, maxValue: 2499 },
        tierScore: 0,
        score: 0,
        timeframe_score: 1600,
        scoreNeededToReach: 1000,
        dateAssigned: clock.toISOString().slice(0, 23),
        dateReached: clock.toISOString().slice(0, 23),
      }),
    );
  });

  it("sends this month's and this week's points, which start again at 0 in a new month or week", () => {
    let clock = new Date("2026-04-29T10:00:00Z"); // a Wednesday
    const own = createProgramState(seedProgram, () => clock);
    const ava = () => {
      const member = own.members().find((m) => m.username === "ava");
      if (!member) throw new Error("ava");
      return renderLivePushProfile(member, seedProgram.tiers, clock);
    };
    expect(own.complete("ava", 101)).toMatchObject({ ok: true });
    const earned = ava().totalPoints - 350;
    expect(ava()).toMatchObject({ monthlyPoints: earned, weeklyPoints: earned });
    clock = new Date("2026-05-02T10:00:00Z"); // same ISO week, a new month
    expect(ava()).toMatchObject({ monthlyPoints: 0, weeklyPoints: earned });
    clock = new Date("2026-05-04T00:00:00Z"); // Monday: a new week
    expect(ava()).toMatchObject({ monthlyPoints: 0, weeklyPoints: 0 });
  });

  it("writes the timeframe score in camelCase for some members and snake_case for others", () => {
    expect(Object.keys(profile("ava").tierInfo)).toContain("timeframeScore");
    expect(Object.keys(profile("ben").tierInfo)).toContain("timeframe_score");
  });

  it("gives the top tier no next level", () => {
    expect(profile("cleo").tierInfo).toMatchObject({ nextLevel: null, scoreNeededToReach: null });
  });
});
