import { afterEach, describe, expect, it } from "vitest";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";
import type { ProfileStoredEvent } from "./ingest.ts";

// End to end: the sandbox's Live Push sender (retries, duplicates, late older profiles) against the
// real webhook, with the BFF on Postgres.

async function counter(system: TestSystem, name: string): Promise<number> {
  const line = (await system.bff.metrics.registry.metrics())
    .split("\n")
    .find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ").pop() ?? 0);
}

async function complete(system: TestSystem, username: string, activityId: number) {
  const response = await fetch(`${system.sandbox.url}/sandbox/members/${username}/complete/${activityId}`, {
    method: "POST",
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { tier: string; dateLastUpdated: number };
}

/** Waits until the sender has made `count` profile deliveries, all acknowledged (the other feeds' aside). */
async function deliveriesSettle(system: TestSystem, count: number) {
  const profiles = () => system.sandbox.sandbox.livePush.deliveries().filter((d) => d.feed === undefined);
  await expect
    .poll(() => profiles().map((d) => d.status), { timeout: 10_000 })
    .toEqual(Array.from({ length: count }, () => 200));
}

describe("Live Push from the sandbox to the BFF", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  async function start() {
    const system = await startTestSystem();
    cleanup = () => system.close();
    return system;
  }

  it("keeps the newest profile through duplicated and out-of-order deliveries, and counts them", async () => {
    const system = await start();
    const heard: ProfileStoredEvent[] = [];
    system.bff.onProfileStored((event) => heard.push(event));
    system.sandbox.sandbox.livePush.setFaults({ duplicate: true, outOfOrder: true });

    await complete(system, "ava", 104); // 350 + 600 = 950: still Bronze
    await deliveriesSettle(system, 2); // the push and its duplicate
    const newest = await complete(system, "ava", 109); // 950 + 650 = 1600: Silver
    await deliveriesSettle(system, 5); // the push, its duplicate, and the older one again

    const stored = await readMemberProfile(system.bff.db, "ava");
    expect(stored?.profile.dateLastUpdated).toEqual(new Date(newest.dateLastUpdated * 1000));
    expect(stored?.profile.tierInfo?.currentLevel.title).toBe("Silver");
    expect(stored?.version).toBe(2);
    expect(await counter(system, "live_push_accepted_total")).toBe(2);
    expect(await counter(system, "live_push_duplicates_total")).toBe(2);
    expect(await counter(system, "live_push_out_of_order_total")).toBe(1);
    expect(heard.map((e) => [e.memberKey, e.version])).toEqual([
      ["ava", 1],
      ["ava", 2],
    ]);
  });

  it("appends a JUMP to the tier history when a member reaches the next tier", async () => {
    const system = await start();
    const result = await complete(system, "ava", 109); // 350 + 650 = 1000: Silver
    expect(result.tier).toBe("Silver");
    await deliveriesSettle(system, 1);
    const stored = await readMemberProfile(system.bff.db, "ava");
    expect(stored?.profile.fanLevelName).toBe("Silver");
    expect(stored?.history[0]).toMatchObject({ tier: "Silver", event: "JUMP" });
    expect(stored?.history[0]?.dateAssigned).toBeInstanceOf(Date);
  });
});
