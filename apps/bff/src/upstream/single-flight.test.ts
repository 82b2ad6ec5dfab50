import { describe, expect, it } from "vitest";
import { createSingleFlight } from "./single-flight.ts";

describe("single flight", () => {
  it("shares one in-flight call per key and counts the joins", async () => {
    const joined: string[] = [];
    const flights = createSingleFlight<number>({ onJoin: (key) => joined.push(key) });
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));

    const results = await Promise.all([
      flights.run("a", slow),
      flights.run("a", slow),
      flights.run("b", slow),
      flights.run("a", slow),
    ]);

    expect(results).toEqual([1, 1, 2, 1]);
    expect(flights.joins).toBe(2);
    expect(joined).toEqual(["a", "a"]);
    expect(flights.has("a")).toBe(false);
  });

  it("forgets a flight once it settles, even one that threw synchronously", async () => {
    const flights = createSingleFlight<number>();
    const boom = () => {
      throw new Error("boom");
    };
    await expect(flights.run("a", boom)).rejects.toThrow("boom");
    expect(flights.has("a")).toBe(false);
    await expect(flights.run("a", async () => 7)).resolves.toBe(7);
  });
});
