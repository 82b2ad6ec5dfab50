import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "./api-client.ts";

// What leaves the browser: reads exactly as the BFF's page preloads them (no header of ours, or the
// browser fetches them a second time), writes with the CSRF header the BFF requires of them.

const sent: { url: string; method: string; headers: Headers }[] = [];
afterEach(() => {
  sent.length = 0;
  vi.unstubAllGlobals();
});
const recordFetch = () =>
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers) });
    return Promise.resolve(
      new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
    );
  });

describe("the typed client's requests", () => {
  test("reads carry no header of their own, so the page's preloads answer them", async () => {
    recordFetch();
    await api.api.me.$get();
    await api.api.me.activities.$get();
    expect(sent.map(({ url, method }) => `${method} ${url}`)).toEqual([
      "GET /api/me",
      "GET /api/me/activities",
    ]);
    for (const request of sent) expect([...request.headers.keys()]).toEqual([]);
  });

  test("a read keeps the headers its caller gives it", async () => {
    recordFetch();
    await api.api.me.activities.$get(undefined, { headers: { "if-none-match": '"v1"' } });
    expect(sent[0]?.headers.get("if-none-match")).toBe('"v1"');
    expect(sent[0]?.headers.has("x-csrf")).toBe(false);
  });

  test("writes carry the CSRF header, beside their own", async () => {
    recordFetch();
    await api.api.auth.logout.$post();
    await api.api.manager["preview-member"].$post({
      json: { idType: "username", userId: "ava", reason: "support ticket 1" },
    });
    expect(sent.map((request) => [request.method, request.headers.get("x-csrf")])).toEqual([
      ["POST", "1"],
      ["POST", "1"],
    ]);
    expect(sent[1]?.headers.get("content-type")).toBe("application/json");
  });
});
