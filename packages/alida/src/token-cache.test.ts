import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlidaError } from "./errors.ts";
import { createTokenCache, type TokenCache } from "./token-cache.ts";

const CLIENT_ID = "portal-bff";
const CLIENT_SECRET = "s3cret:with/special&chars";

interface TokenServer {
  url: string;
  requests: { authorization: string | undefined; contentType: string | undefined; body: string }[];
  /** What the next responses look like; changed by tests. */
  reply: { status: number; expiresIn: number; delayMs: number };
}

let server: Server;
let tokenServer: TokenServer;
let cache: TokenCache | undefined;

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return body;
}

beforeEach(async () => {
  const state: TokenServer = { url: "", requests: [], reply: { status: 200, expiresIn: 3600, delayMs: 50 } };
  server = createServer(async (request, response) => {
    state.requests.push({
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body: await readBody(request),
    });
    const n = state.requests.length;
    await new Promise((resolve) => setTimeout(resolve, state.reply.delayMs));
    response.writeHead(state.reply.status, { "content-type": "application/json" });
    response.end(
      state.reply.status === 200
        ? JSON.stringify({
            access_token: `token-${n}`,
            token_type: "Bearer",
            expires_in: state.reply.expiresIn,
          })
        : JSON.stringify({ error: "invalid_client" }),
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
  tokenServer = state;
});

afterEach(async () => {
  await cache?.close();
  cache = undefined;
  server.closeAllConnections();
  server.close();
});

function newCache(now?: () => number): TokenCache {
  cache = createTokenCache({
    tokenUrl: tokenServer.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    now,
  });
  return cache;
}

describe("token cache", () => {
  it("sends client credentials as a form with HTTP Basic client auth (RFC 6749 encoding)", async () => {
    expect(await newCache().getToken()).toBe("token-1");
    const [request] = tokenServer.requests;
    expect(request?.body).toBe("grant_type=client_credentials");
    expect(request?.contentType).toBe("application/x-www-form-urlencoded");
    const [scheme, encoded] = request?.authorization?.split(" ") ?? [];
    expect(scheme).toBe("Basic");
    const [id, secret] = Buffer.from(encoded ?? "", "base64")
      .toString()
      .split(":");
    expect(decodeURIComponent(id ?? "")).toBe(CLIENT_ID);
    expect(decodeURIComponent(secret ?? "")).toBe(CLIENT_SECRET);
  });

  it("lets many concurrent callers share one token request", async () => {
    const tokens = newCache();
    const results = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()));
    expect(new Set(results)).toEqual(new Set(["token-1"]));
    expect(tokenServer.requests).toHaveLength(1);
    expect(await tokens.getToken()).toBe("token-1");
    expect(tokenServer.requests).toHaveLength(1);
  });

  it("reuses the token until shortly before expires_in, then fetches a new one", async () => {
    let clock = 1_000_000;
    tokenServer.reply.expiresIn = 60;
    const tokens = newCache(() => clock);
    expect(await tokens.getToken()).toBe("token-1");
    clock += 50_000;
    expect(await tokens.getToken()).toBe("token-1");
    // Inside the last tenth of its life the token counts as expired.
    clock += 5_000;
    expect(await tokens.getToken()).toBe("token-2");
    expect(tokenServer.requests).toHaveLength(2);
  });

  it("invalidate(stale) drops only the token it names", async () => {
    const tokens = newCache();
    expect(await tokens.getToken()).toBe("token-1");
    tokens.invalidate("token-0");
    expect(await tokens.getToken()).toBe("token-1");
    tokens.invalidate("token-1");
    expect(await tokens.getToken()).toBe("token-2");
    tokens.invalidate();
    expect(await tokens.getToken()).toBe("token-3");
  });

  it("reports refused credentials without the secret, and does not cache the failure", async () => {
    tokenServer.reply.status = 401;
    const tokens = newCache();
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlidaError);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    expect(String((error as Error).message)).toContain("invalid_client");
    expect(String((error as Error).message)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET);

    tokenServer.reply.status = 200;
    expect(await tokens.getToken()).toBe("token-2");
  });

  it("lets one caller give up without aborting the shared request for the others", async () => {
    tokenServer.reply.delayMs = 200;
    const tokens = newCache();
    const impatient = new AbortController();
    const first = tokens.getToken(impatient.signal);
    const second = tokens.getToken();
    impatient.abort(new Error("member left"));
    await expect(first).rejects.toThrow("member left");
    expect(await second).toBe("token-1");
    expect(tokenServer.requests).toHaveLength(1);
  });
});
