import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiCall } from "./api-call.ts";
import { ApiError } from "./api-error.ts";
import { fetchWithin, TIMEOUT_CODE } from "./fetch-within.ts";

// Against a real server that stalls, with Node's own fetch: the deadline must cut a connection that
// is really stuck, before the headers and in the middle of the body, not just a well-behaved stub.

let server: Server;
let base: string;
const stalled = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    stalled.add(response);
    if (request.url === "/answers") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    } else if (request.url === "/half-body") {
      // Headers and the start of the body, then nothing.
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"activities":[');
    }
    // "/silent": never answers at all.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of stalled) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const SHORT = 200;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("fetchWithin", () => {
  test("an answer within the deadline comes through untouched", async () => {
    const response = await fetchWithin(5_000)(`${base}/answers`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test("a server that never answers: a timeout the member can act on, not a wait forever", async () => {
    const error = await rejection(fetchWithin(SHORT)(`${base}/silent`));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: TIMEOUT_CODE });
  });

  test("a body that stops halfway times out too", async () => {
    const response = await fetchWithin(SHORT)(`${base}/half-body`);
    expect(response.status).toBe(200);
    const error = await rejection(response.json());
    expect(error).toMatchObject({ code: TIMEOUT_CODE });
  });

  test("the caller's own cancel stays a cancel (TanStack drops queries nobody needs)", async () => {
    const controller = new AbortController();
    const pending = fetchWithin(5_000)(`${base}/silent`, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe("AbortError");
  });

  test("apiCall() passes the timeout on as it is, instead of calling it a network failure", async () => {
    // Any path but the two above is one the server never answers.
    const client = hc<AppType>(base, { fetch: fetchWithin(SHORT) });
    const error = await rejection(apiCall(() => client.api.status.$get()));
    expect(error).toMatchObject({ code: TIMEOUT_CODE });
  });

  test("a refused connection is still a network error, well before any deadline", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = hc<AppType>(`http://127.0.0.1:${port}`, { fetch: fetchWithin(60_000) });
    const error = await rejection(apiCall(() => client.api.status.$get()));
    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });
});
