import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { AppError, createErrorHandler, type ErrorBody, handleNotFound } from "./errors.ts";

// The error handler every app of the BFF uses (the API, the webhooks, the outermost app): what it
// answers for each kind of failure, and what it logs.

function appThrowing(error: Error) {
  const logged: { requestId: string | undefined; status: number; error: Error }[] = [];
  const app = new Hono()
    .get("/fail", () => {
      throw error;
    })
    .onError(createErrorHandler((details) => logged.push(details)))
    .notFound(handleNotFound);
  return { app, logged };
}

async function answer(app: Hono, path = "/fail") {
  const response = await app.request(path);
  return { status: response.status, headers: response.headers, body: (await response.json()) as ErrorBody };
}

describe("the error handler", () => {
  it("answers an AppError with its status, code, message and issues, and logs no 4xx", async () => {
    const { app, logged } = appThrowing(
      new AppError(400, "invalid_thing", "name must be text.", {
        issues: [{ path: "name", message: "name must be text." }],
      }),
    );
    const { status, headers, body } = await answer(app);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: "invalid_thing",
        message: "name must be text.",
        requestId: headers.get("x-request-id"),
        issues: [{ path: "name", message: "name must be text." }],
      },
    });
    expect(logged).toEqual([]);
  });

  it("gives an answer outside the API's middleware a request id of its own, in the body and the header", async () => {
    const { app } = appThrowing(new AppError(404, "gone", "Gone."));
    const { headers, body } = await answer(app);
    expect(body.error.requestId).toMatch(/^[\w-]{36}$/);
    expect(headers.get("x-request-id")).toBe(body.error.requestId);
  });

  it("puts Hono's own refusals in our words: a body that is not JSON, and one with a prepared response", async () => {
    const malformed = await answer(
      appThrowing(new HTTPException(400, { message: "Malformed JSON in request body" })).app,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: "malformed_json",
      message: expect.stringMatching(/JSON/),
    });
    const prepared = new HTTPException(401, { res: new Response("Unauthorized", { status: 401 }) });
    const refused = await answer(appThrowing(prepared).app);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "unauthenticated" });
  });

  it("answers anything unexpected with internal_error, its text only in the log", async () => {
    const { app, logged } = appThrowing(
      new Error("connect ECONNREFUSED postgres://portal:hunter2@db/portal"),
    );
    const response = await app.request("/fail");
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("ECONNREFUSED");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal_error" } });
    expect(logged.map((entry) => entry.status)).toEqual([500]);
  });

  it("names what was asked for when nothing answers it, cut short when it is long", async () => {
    const { app } = appThrowing(new Error("unused"));
    expect((await answer(app, "/api/nothing")).body.error.message).toBe("No API route for GET /api/nothing.");
    expect((await answer(app, "/webhooks/nothing")).body.error.message).toMatch(/^No webhook at GET/);
    const long = await answer(app, `/${"x".repeat(5000)}`);
    expect(long.status).toBe(404);
    expect(long.body.error.message.length).toBeLessThan(300);
  });
});
