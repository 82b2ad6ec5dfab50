import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Run in a process of its own: the RSS of a test worker is shared with whatever else it runs.
const run = promisify(execFile);
const releaser = new URL("./memory-release.ts", import.meta.url).href;

async function scenario(body: string) {
  const script = `
    import { startMemoryRelease } from ${JSON.stringify(releaser)};
    const mb = (n) => Math.round(n / 2 ** 20);
    ${body}
  `;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number | boolean | null>;
}

/** A burst: the heap grows to hundreds of MB of short-lived objects, all garbage afterwards. */
const BURST = `
  let keep = [];
  for (let round = 0; round < 40; round++) {
    const batch = [];
    for (let i = 0; i < 40_000; i++) batch.push({ id: i, text: "x".repeat(64) + i, round });
    keep.push(batch);
    if (keep.length > 8) keep.shift();
  }
  keep = null;
`;

describe("memory release", () => {
  it("gives back what a burst left once the process is quiet", async () => {
    const result = await scenario(`
      const releases = [];
      const memory = startMemoryRelease({ everyMs: 100, minIntervalMs: 0, minGrowthBytes: 32 * 2 ** 20, onRelease: (r) => releases.push(r) });
      ${BURST}
      const peak = process.memoryUsage.rss();
      const deadline = Date.now() + 10_000;
      while (releases.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      memory.stop();
      console.log(JSON.stringify({ available: memory.available, peak: mb(peak), before: mb(releases[0]?.rssBefore ?? 0), after: mb(releases[0]?.rssAfter ?? 0), count: releases.length }));
    `);
    expect(result.available).toBe(true);
    expect(result.count).toBe(1);
    expect(Number(result.peak)).toBeGreaterThan(150);
    // Most of the burst's pages go back.
    expect(Number(result.after)).toBeLessThan(Number(result.before) / 2);
  });

  it("exposes gc to nobody else, and does nothing when turned off", async () => {
    const result = await scenario(`
      const { runInNewContext } = await import("node:vm");
      const off = startMemoryRelease({ enabled: false });
      const on = startMemoryRelease();
      const later = runInNewContext("typeof gc");
      off.stop();
      on.stop();
      console.log(JSON.stringify({ off: off.available, on: on.available, later, global: typeof globalThis.gc }));
    `);
    expect(result).toEqual({ off: false, on: true, later: "undefined", global: "undefined" });
  });

  it("leaves a busy process alone, and one that has not grown", async () => {
    const result = await scenario(`
      const releases = [];
      const memory = startMemoryRelease({ everyMs: 100, minIntervalMs: 0, minGrowthBytes: 32 * 2 ** 20, quietBelow: 0.05, onRelease: (r) => releases.push(r) });
      // Busy: the event loop is occupied most of the time for 1.5 s while the heap grows.
      const busyUntil = Date.now() + 1500;
      while (Date.now() < busyUntil) {
        const spin = Date.now() + 90;
        let junk = [];
        while (Date.now() < spin) junk.push({ x: "y".repeat(100) });
        junk = null;
        await new Promise((r) => setImmediate(r));
      }
      const whileBusy = releases.length;
      memory.stop();
      // Quiet but not grown: nothing to give back.
      const idle = startMemoryRelease({ everyMs: 50, minIntervalMs: 0, minGrowthBytes: 512 * 2 ** 20, onRelease: (r) => releases.push(r) });
      await new Promise((r) => setTimeout(r, 600));
      idle.stop();
      console.log(JSON.stringify({ whileBusy, afterIdle: releases.length }));
    `);
    expect(result).toEqual({ whileBusy: 0, afterIdle: 0 });
  });
});
