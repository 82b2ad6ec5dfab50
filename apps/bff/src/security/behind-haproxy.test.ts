import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningHaproxy, startHaproxy } from "../testing/haproxy.ts";
import { requestFrom } from "../testing/request-from.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// Production runs behind a reverse proxy. Here a real haproxy (`option forwardfor`) stands in front
// of the BFF on 127.0.0.1, the one trusted proxy; clients bind their own loopback addresses
// (127.0.0.2, 127.0.0.3) to be told apart, and 127.0.0.4 goes around the proxy.

let system: TestSystem;
let haproxy: RunningHaproxy | undefined;
let bffUrl: string;
beforeAll(async () => {
  system = await startTestSystem({ TRUSTED_PROXIES: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "3" });
  const port = Number(new URL(system.portalUrl).port);
  bffUrl = `http://127.0.0.1:${port}`;
  haproxy = await startHaproxy(port);
});
afterAll(async () => {
  await haproxy?.stop();
  await system.close();
});

async function statuses(base: string, from: string, count: number, headers: Record<string, string> = {}) {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) {
    seen.push((await requestFrom(`${base}/api/me/activities`, { from, headers })).status);
  }
  return seen;
}

describe("behind haproxy", () => {
  it("gives two clients behind the proxy separate rate-limit buckets", async () => {
    const proxy = haproxy?.url ?? "";
    expect(await statuses(proxy, "127.0.0.2", 4)).toEqual([401, 401, 401, 429]);
    expect(await statuses(proxy, "127.0.0.3", 1)).toEqual([401]);
    // A header the client writes itself travels on, to the left of haproxy's: it changes nothing.
    expect(await statuses(proxy, "127.0.0.2", 1, { "x-forwarded-for": "198.51.100.1" })).toEqual([429]);
    expect(await statuses(proxy, "127.0.0.3", 2, { "x-forwarded-for": "127.0.0.9" })).toEqual([401, 401]);
    expect(await statuses(proxy, "127.0.0.3", 1)).toEqual([429]);
  });

  it("logs each client's own address", async () => {
    await requestFrom(`${haproxy?.url}/api/health`, {
      from: "127.0.0.2",
      headers: { "x-request-id": "via-haproxy", "x-forwarded-for": "203.0.113.66" },
    });
    const line = system.logs
      .map((text) => JSON.parse(text) as { requestId?: string; ip?: string })
      .find((entry) => entry.requestId === "via-haproxy");
    expect(line).toMatchObject({ ip: "127.0.0.2" });
  });

  it("ignores a spoofed X-Forwarded-For from a client that goes around the proxy", async () => {
    const spoofs = ["127.0.0.3", "198.51.100.2", "198.51.100.3", "10.0.0.1"];
    const seen: number[] = [];
    for (const spoof of spoofs) {
      seen.push(
        (
          await requestFrom(`${bffUrl}/api/me/activities`, {
            from: "127.0.0.4",
            headers: { "x-forwarded-for": spoof },
          })
        ).status,
      );
    }
    expect(seen).toEqual([401, 401, 401, 429]);
  });
});
