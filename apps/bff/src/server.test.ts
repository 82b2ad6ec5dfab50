import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";
import type { ErrorBody } from "./errors.ts";
import { createServerApp } from "./server.ts";

const webDist = mkdtempSync(join(tmpdir(), "portal-web-"));
writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Portal</title><div id=root></div>");
const app = createServerApp(parseEnv({ WEB_DIST_DIR: webDist }));

describe("BFF server", () => {
  it("answers the health check", async () => {
    const response = await app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", uptimeSeconds: expect.any(Number) });
  });

  it("answers unknown API paths with the error shape and a request id", async () => {
    const response = await app.request("/api/nothing-here", { method: "POST" });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body).toEqual({
      error: {
        code: "not_found",
        message: "No API route for POST /api/nothing-here.",
        requestId: expect.any(String),
      },
    });
    expect(response.headers.get("x-request-id")).toBe(body.error.requestId);
  });

  it("serves the app's HTML for its own routes, never cached", async () => {
    const response = await app.request("/activities/101");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Portal</title>");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("sends security headers with every answer", async () => {
    const response = await app.request("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("says what to do when the web app is not built", async () => {
    const bare = createServerApp(parseEnv({ WEB_DIST_DIR: join(webDist, "missing") }));
    const response = await bare.request("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm start");
  });
});
