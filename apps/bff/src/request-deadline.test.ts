import { Hono } from "hono";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { signInFailurePages } from "./auth/sign-in-failure.ts";
import { createErrorHandler } from "./errors.ts";
import { requestDeadline } from "./request-deadline.ts";

// The backstop: whatever a handler waits on, the API answers by the deadline, in its error shape.

function app(ms: number) {
  const never = () => new Promise<Response>(() => {});
  return new Hono()
    .use(requestDeadline(ms, (path) => path === "/stream"))
    .get("/stuck", never)
    .get("/quick", (c) => c.json({ ok: true }))
    .get("/stream", async (c) => {
      await new Promise((done) => setTimeout(done, ms * 3));
      return c.text("streamed");
    })
    .onError(createErrorHandler(() => {}));
}

describe("request deadline", () => {
  it("answers a request whose handler never settles with a 503 that says to try again", async () => {
    const response = await app(50).request("/stuck");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { code: "timeout", message: expect.stringMatching(/try again/i) },
    });
  });

  it("leaves quick answers and exempt paths alone", async () => {
    const quick = await app(50).request("/quick");
    expect(await quick.json()).toEqual({ ok: true });
    const stream = await app(50).request("/stream");
    expect(stream.status).toBe(200);
    expect(await stream.text()).toBe("streamed");
  });

  it("a sign-in cut short by it still ends on the portal's failure page, never on JSON", async () => {
    const api = new Hono()
      .use("/api/auth/*", signInFailurePages("https://portal.example", pino({ level: "silent" })))
      .use(requestDeadline(50, () => false))
      .get("/api/auth/callback", () => new Promise<Response>(() => {}))
      .onError(createErrorHandler(() => {}));
    const response = await api.request("/api/auth/callback?code=x&state=y");
    expect(response.status).toBe(302);
    // With the reference the error handler gives every failure (ADR 0035), for the member to quote.
    expect(response.headers.get("location")).toMatch(
      /^https:\/\/portal\.example\/sign-in-failed\?reason=unavailable&ref=[\w-]+$/,
    );
  });
});
