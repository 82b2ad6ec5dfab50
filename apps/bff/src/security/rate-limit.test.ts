import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "./rate-limit.ts";

describe("rate limiter (in memory)", () => {
  afterEach(() => vi.useRealTimers());

  it("lets the limit through, refuses the next with the seconds left, and resets each minute", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = createRateLimiter(3, { name: "test" });
    expect([await limiter.hit("ip:1"), await limiter.hit("ip:1"), await limiter.hit("ip:1")]).toEqual([
      0, 0, 0,
    ]);
    vi.advanceTimersByTime(15_000);
    expect(await limiter.hit("ip:1")).toBe(45);
    expect(await limiter.hit("ip:2")).toBe(0);
    vi.advanceTimersByTime(45_001);
    expect(await limiter.hit("ip:1")).toBe(0);
  });

  it("is off at 0", async () => {
    const limiter = createRateLimiter(0, { name: "test" });
    for (let i = 0; i < 1000; i += 1) expect(await limiter.hit("k")).toBe(0);
  });
});
