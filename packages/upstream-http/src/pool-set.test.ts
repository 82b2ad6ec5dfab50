import { Agent, Pool } from "undici";
import { describe, expect, it } from "vitest";
import { createPoolSet } from "./pool-set.ts";

describe("createPoolSet", () => {
  it("keeps one pool per origin", async () => {
    const pools = createPoolSet({ connections: 2 });
    const api = pools.get("http://127.0.0.1:1");
    expect(pools.get("http://127.0.0.1:1")).toBe(api);
    expect(pools.get("http://127.0.0.1:2")).not.toBe(api);
    expect(api).toBeInstanceOf(Pool);
    await pools.close();
    expect((api as Pool).closed).toBe(true);
  });

  it("uses a dispatcher handed in for every origin, and leaves it open", async () => {
    const agent = new Agent();
    const pools = createPoolSet({ connections: 2, dispatcher: agent });
    expect(pools.get("http://127.0.0.1:1")).toBe(agent);
    expect(pools.get("https://example.test")).toBe(agent);
    await pools.close();
    expect(agent.closed).toBe(false);
    await agent.close();
  });
});
