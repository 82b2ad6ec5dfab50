import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dispatcher } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDeadline, type Deadline } from "./deadline.ts";
import { createPoolSet, type PoolSet } from "./pool-set.ts";
import { type HttpFailure, type HttpRequest, sendRequest } from "./send-request.ts";
import { UpstreamHttpError } from "./upstream-http-error.ts";

// The core against a real HTTP server on loopback that misbehaves on purpose. Whatever a test holds
// open is released by a deadline above it (`held`), so a client that waited on would get an answer
// and fail its test rather than hang it.

class TestError extends UpstreamHttpError {
  readonly failure: HttpFailure;
  constructor(failure: HttpFailure) {
    super(`failed: ${failure.kind}`, { code: failure.kind, status: null });
    this.failure = failure;
  }
}

const fail = (failure: HttpFailure) => new TestError(failure);

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let origin: string;
let pools: PoolSet;
const routes = new Map<string, Handler>();
const seen: string[] = [];
const releases: (() => void)[] = [];

/** Holds until the test ends, or 10 s at most. */
function held(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    releases.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? "");
    const handler = routes.get(new URL(request.url ?? "/", "http://x").pathname);
    if (handler) handler(request, response);
    else response.writeHead(404).end("none");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const deadlines: Deadline[] = [];

afterEach(async () => {
  for (const release of releases.splice(0)) release();
  for (const deadline of deadlines.splice(0)) deadline.clear();
  routes.clear();
  seen.length = 0;
  await pools?.close();
});

function deadline(timeoutMs: number, caller?: AbortSignal): Deadline {
  const created = createDeadline(timeoutMs, caller);
  deadlines.push(created);
  return created;
}

function get(path: string, overrides: Partial<HttpRequest> = {}): HttpRequest {
  return { method: "GET", origin, path, headers: {}, maxBodyBytes: 1024, ...overrides };
}

/** A dispatcher that says when the answer's headers are in, so a test can act in the middle of the body. */
function announcingHeaders(): { dispatcher: Dispatcher; headersIn: Promise<void> } {
  pools = createPoolSet({ connections: 2 });
  const pool = pools.get(origin);
  let announce = () => {};
  const headersIn = new Promise<void>((resolve) => {
    announce = resolve;
  });
  const dispatcher = {
    request: async (options: Dispatcher.RequestOptions) => {
      const response = await pool.request(options);
      announce();
      return response;
    },
  } as Dispatcher;
  return { dispatcher, headersIn };
}

async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TestError)) throw new Error(`expected a failure, got ${String(error)}`);
  return error.failure;
}

function send(request: HttpRequest, within: Deadline) {
  pools ??= createPoolSet({ connections: 2 });
  return sendRequest(pools.get(origin), request, within, fail);
}

// With its length declared, the body is read whole by undici; without, piece by piece up to the bound.
const partialBodies = [
  ["declared", { "content-length": "100" }],
  ["undeclared", {}],
] as const;

/** Sends the headers and part of the body, then holds the rest. */
function trickling(headers: Record<string, string>): Handler {
  return async (_request, response) => {
    response.writeHead(200, headers);
    response.write('{"partial":');
    await held();
    response.end();
  };
}

describe("answers", () => {
  it("hands back any status with its body as text, a byte-order mark dropped", async () => {
    routes.set("/ok", (_request, response) => response.end('\uFEFF{"é":1}'));
    routes.set("/gone", (_request, response) => response.writeHead(410).end("gone"));
    pools = createPoolSet({ connections: 2 });
    expect(await send(get("/ok"), deadline(5_000))).toEqual({ status: 200, text: '{"é":1}' });
    expect(await send(get("/gone"), deadline(5_000))).toEqual({ status: 410, text: "gone" });
  });

  it("sends the method, headers, body and the path with its query as given", async () => {
    let received = "";
    routes.set("/token", async (request, response) => {
      for await (const chunk of request) received += String(chunk);
      response.end(`${request.method} ${request.url} ${request.headers["x-test"]}`);
    });
    const answer = await send(
      get("/token?a=%2F", { method: "POST", headers: { "x-test": "yes" }, body: "grant_type=x" }),
      deadline(5_000),
    );
    expect(answer.text).toBe("POST /token?a=%2F yes");
    expect(received).toBe("grant_type=x");
  });

  it("reads a body of exactly the bound, its length declared or not", async () => {
    routes.set("/declared", (_request, response) => response.end("x".repeat(1024)));
    routes.set("/chunked", (_request, response) => {
      response.write("x".repeat(1000));
      response.end("x".repeat(24));
    });
    for (const path of ["/declared", "/chunked"])
      expect((await send(get(path), deadline(5_000))).text).toBe("x".repeat(1024));
  });

  it("drops a byte-order mark and replaces bad bytes, in a body of undeclared length too", async () => {
    routes.set("/bom", (_request, response) => {
      response.write(Buffer.from([0xef, 0xbb, 0xbf]));
      response.end(Buffer.from([0x7b, 0xff, 0x7d]));
    });
    expect((await send(get("/bom"), deadline(5_000))).text).toBe("{\uFFFD}");
  });
});

describe("no answer in time", () => {
  it("slow headers → timeout", async () => {
    routes.set("/slow-headers", async (_request, response) => {
      await held();
      response.end("late");
    });
    expect(await failure(send(get("/slow-headers"), deadline(200)))).toEqual({
      kind: "timeout",
      timeoutMs: 200,
    });
  });

  it.each(partialBodies)(
    "slow body, its length %s → timeout, though the headers came in time",
    async (_, headers) => {
      routes.set("/slow-body", trickling(headers));
      const { dispatcher, headersIn } = announcingHeaders();
      const call = sendRequest(dispatcher, get("/slow-body"), deadline(300), fail);
      await headersIn;
      expect(await failure(call)).toMatchObject({ kind: "timeout" });
    },
  );

  it("a deadline spanning two calls is spent by the first: the second gets only what is left", async () => {
    // Each call takes 600 ms; alone, each fits in 1000 ms, but not both in one deadline.
    routes.set("/six-hundred", (_request, response) => {
      setTimeout(() => response.end("done"), 600);
    });
    for (const _ of [1, 2]) expect((await send(get("/six-hundred"), deadline(1_000))).text).toBe("done");

    const shared = deadline(1_000);
    expect((await send(get("/six-hundred"), shared)).text).toBe("done");
    expect(await failure(send(get("/six-hundred"), shared))).toMatchObject({ kind: "timeout" });
    // Once spent, the deadline ends every later call before it is sent.
    seen.length = 0;
    expect(await failure(send(get("/six-hundred"), shared))).toMatchObject({ kind: "timeout" });
    expect(seen).toEqual([]);
  });
});

describe("no answer at all", () => {
  it("a refused connection → network, named by its system code", async () => {
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, "close");
    pools = createPoolSet({ connections: 1 });
    const gone = `http://127.0.0.1:${port}`;
    const result = await failure(
      sendRequest(
        pools.get(gone),
        get("/members/m-42?api_key=SECRET-1", { origin: gone }),
        deadline(5_000),
        fail,
      ),
    );
    expect(result).toMatchObject({ kind: "network", detail: "ECONNREFUSED", systemCode: "ECONNREFUSED" });
  });

  it("a connection reset before the answer → network", async () => {
    routes.set("/reset", (request) => request.socket.destroy());
    expect(await failure(send(get("/reset"), deadline(5_000)))).toMatchObject({ kind: "network" });
  });

  it("a connection reset in the middle of the body → network", async () => {
    routes.set("/reset-mid-body", (request, response) => {
      response.writeHead(200);
      response.write("x".repeat(100), () => request.socket.destroy());
    });
    const { dispatcher, headersIn } = announcingHeaders();
    const call = sendRequest(dispatcher, get("/reset-mid-body"), deadline(5_000), fail);
    await headersIn;
    expect(await failure(call)).toMatchObject({ kind: "network" });
  });

  it.each([
    [
      "a system error",
      Object.assign(new Error("connect ECONNRESET http://x/?api_key=K"), { code: "ECONNRESET" }),
      "ECONNRESET",
      "ECONNRESET",
    ],
    [
      "an error without a code",
      new TypeError("fetch failed for http://x/?api_key=K"),
      "TypeError",
      undefined,
    ],
    [
      "an error whose code is no text",
      Object.assign(new RangeError("http://x/?api_key=K"), { code: 7 }),
      "RangeError",
      undefined,
    ],
    ["a bare object with a code", { code: "UND_ERR_SOCKET" }, "UND_ERR_SOCKET", "UND_ERR_SOCKET"],
    ["a bare object", { message: "http://x/?api_key=K" }, "request failed", undefined],
    ["null", null, "request failed", undefined],
    ["text", "http://x/?api_key=K", "request failed", undefined],
  ])("%s from the dispatcher → network, named %j", async (_, thrown, detail, systemCode) => {
    const refusing = { request: () => Promise.reject(thrown) } as unknown as Dispatcher;
    const result = await failure(sendRequest(refusing, get("/any"), deadline(5_000), fail));
    expect(result).toEqual({ kind: "network", detail, systemCode, cause: thrown });
  });

  it("the detail is a code or a class name, never the URL with what it carries", async () => {
    routes.set("/reset", (request) => request.socket.destroy());
    const result = await failure(send(get("/reset?api_key=SECRET-2"), deadline(5_000)));
    expect(result.kind === "network" && result.detail).toMatch(/^[A-Za-z_]+$/);
    expect(JSON.stringify({ ...result, cause: undefined })).not.toContain("SECRET-2");
  });
});

/** True once the client closes the connection before the answer is finished; false if the test's hold ends first. */
function droppedByTheClient(response: ServerResponse): Promise<boolean> {
  return Promise.race([
    once(response, "close").then(() => !response.writableFinished),
    held().then(() => false),
  ]);
}

describe("a body over the bound", () => {
  it("is refused after the bound, not read to its end, and its connection dropped", async () => {
    let dropped = Promise.resolve(false);
    routes.set("/endless", async (_request, response) => {
      dropped = droppedByTheClient(response);
      response.writeHead(503);
      // Twice the bound, then held open: a client that read on would wait for the rest.
      response.write("x".repeat(2048));
      await held();
      response.end();
    });
    expect(await failure(send(get("/endless"), deadline(10_000)))).toEqual({
      kind: "body_too_large",
      status: 503,
      maxBodyBytes: 1024,
    });
    expect(await dropped).toBe(true);
  });

  it("is refused on its declared length, before a byte of it is read, and its connection dropped", async () => {
    let dropped = Promise.resolve(false);
    routes.set("/declared", async (_request, response) => {
      dropped = droppedByTheClient(response);
      response.writeHead(200, { "content-length": "5000" });
      response.flushHeaders();
      await held();
      response.end("x".repeat(5000));
    });
    expect(await failure(send(get("/declared"), deadline(10_000)))).toMatchObject({
      kind: "body_too_large",
      status: 200,
    });
    expect(await dropped).toBe(true);
  });

  it("leaves the pool able to serve the next call", async () => {
    routes.set("/big", (_request, response) => response.end("x".repeat(4096)));
    routes.set("/small", (_request, response) => response.end("ok"));
    expect(await failure(send(get("/big"), deadline(5_000)))).toMatchObject({ kind: "body_too_large" });
    expect((await send(get("/small"), deadline(5_000))).text).toBe("ok");
  });
});

describe("the caller gives up", () => {
  it("before the call: its own reason, and nothing is sent", async () => {
    const reason = new Error("navigated away");
    routes.set("/any", (_request, response) => response.end("x"));
    await expect(send(get("/any"), deadline(5_000, AbortSignal.abort(reason)))).rejects.toBe(reason);
    expect(seen).toEqual([]);
  });

  it.each(partialBodies)(
    "in the middle of a body, its length %s: its own reason, not a timeout nor a network failure",
    async (_, headers) => {
      routes.set("/trickle", trickling(headers));
      const caller = new AbortController();
      const reason = new Error("tab closed");
      const { dispatcher, headersIn } = announcingHeaders();
      const call = sendRequest(dispatcher, get("/trickle"), deadline(60_000, caller.signal), fail);
      await headersIn;
      caller.abort(reason);
      await expect(call).rejects.toBe(reason);
    },
  );
});
