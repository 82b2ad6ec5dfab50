import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activitiesBodyFixture } from "../../../testing/fixtures.ts";
import { activitiesQuery } from "./activities-query.ts";

// Asking again for an unchanged list costs a 304 and no body: the query sends the ETag of what it
// shows and keeps showing it when the BFF says nothing changed.

afterEach(() => vi.unstubAllGlobals());

function stubFetch(answers: (() => Response)[]) {
  const sent: (string | null)[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(
      input instanceof Request ? input : new URL(String(input), "http://localhost"),
      init,
    );
    sent.push(request.headers.get("if-none-match"));
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
  vi.stubGlobal("fetch", fetchStub);
  return sent;
}

describe("the activities query", () => {
  it("sends the ETag of the list it shows, keeps the list on 304, and takes a new one with its new tag", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = activitiesBodyFixture();
    const second = { ...activitiesBodyFixture(), activities: [] };
    const sent = stubFetch([
      () => Response.json(first, { headers: { etag: '"one"' } }),
      () => new Response(null, { status: 304, headers: { etag: '"one"' } }),
      () => Response.json(second, { headers: { etag: '"two"' } }),
      () => new Response(null, { status: 304, headers: { etag: '"two"' } }),
    ]);
    const shown = [];
    for (let i = 0; i < 4; i += 1)
      shown.push(await client.fetchQuery({ ...activitiesQuery(), staleTime: 0 }));
    expect(sent).toEqual([null, '"one"', '"one"', '"two"']);
    expect(shown[0]).toEqual(first);
    expect(shown[1]).toBe(shown[0]);
    expect(shown[2]).toEqual(second);
    expect(shown[3]).toStrictEqual(shown[2]);
  });

  it("asks without a tag once the cache has forgotten the list (after sign-out)", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const sent = stubFetch([
      () => Response.json(activitiesBodyFixture(), { headers: { etag: '"one"' } }),
      () => Response.json(activitiesBodyFixture(), { headers: { etag: '"one"' } }),
    ]);
    await client.fetchQuery(activitiesQuery());
    client.clear();
    await client.fetchQuery(activitiesQuery());
    expect(sent).toEqual([null, null]);
  });
});
