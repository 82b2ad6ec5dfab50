import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.ts";

describe("rate limiter", () => {
  it("lets the limit through, refuses the next with the seconds left, and resets each minute", () => {
    let clock = 1_000_000;
    const limiter = createRateLimiter(3, () => clock);
    expect([limiter.hit("ip:1"), limiter.hit("ip:1"), limiter.hit("ip:1")]).toEqual([0, 0, 0]);
    clock += 15_000;
    expect(limiter.hit("ip:1")).toBe(45);
    expect(limiter.hit("ip:2")).toBe(0);
    clock += 45_000;
    expect(limiter.hit("ip:1")).toBe(0);
  });

  it("is off at 0", () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i += 1) expect(limiter.hit("k")).toBe(0);
  });
});
