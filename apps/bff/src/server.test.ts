import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bff, createBff } from "./bff.ts";
import { parseEnv } from "./env.ts";
import type { ErrorBody } from "./errors.ts";
import { createPostgresDatabase } from "./testing/databases.ts";

const webDist = mkdtempSync(join(tmpdir(), "portal-web-"));
writeFileSync(
  join(webDist, "index.html"),
  '<!doctype html><html lang="en"><title>Portal</title><div id=root><a href=/><!--brand:name-->Portal<!--/brand:name--></a></div>',
);
writeFileSync(
  join(webDist, "index.fr.html"),
  '<!doctype html><html lang="fr"><title>Portail</title><div id=root><a href=/><!--brand:name-->Portail<!--/brand:name--></a></div>',
);
mkdirSync(join(webDist, "assets"));
const script = `console.log(${JSON.stringify("portal ".repeat(500))});`;
// As the web build writes it: compressed beside the original (web-assets.test.ts has every case).
writeFileSync(join(webDist, "assets", "index-abc123.js"), script);
writeFileSync(join(webDist, "assets", "index-abc123.js.br"), brotliCompressSync(script));
writeFileSync(join(webDist, "assets", "index-abc123.js.gz"), gzipSync(script));
const testEnv = (overrides: Record<string, string>) =>
  parseEnv({
    WEB_DIST_DIR: webDist,
    // In-process requests are addressed to http://localhost: the portal's own address here, so pages
    // are served rather than sent to PUBLIC_URL (canonical-host.test.ts covers other hosts).
    PUBLIC_URL: "http://localhost",
    DATABASE_URL: database.url,
    CROWDTWIST_API_KEY: "test-crowdtwist-key",
    OIDC_CLIENT_SECRET: "test-oidc-secret",
    LOG_LEVEL: "silent",
    ...overrides,
  });

let database: { url: string; drop(): Promise<void> };
let bff: Bff;
let app: Bff["app"];
beforeAll(async () => {
  database = await createPostgresDatabase();
  bff = await createBff(testEnv({}));
  app = bff.app;
});
afterAll(async () => {
  await bff.close();
  await database.drop();
});

describe("BFF server", () => {
  it("answers the health check", async () => {
    const response = await app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", uptimeSeconds: expect.any(Number) });
  });

  it("answers unknown API paths with the error shape and a request id", async () => {
    const response = await app.request("/api/nothing-here");
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body).toEqual({
      error: {
        code: "not_found",
        message: "No API route for GET /api/nothing-here.",
        requestId: expect.any(String),
      },
    });
    expect(response.headers.get("x-request-id")).toBe(body.error.requestId);
  });

  it("serves the app's HTML for its own routes, never cached", async () => {
    const response = await app.request("/activities/101");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Harbourside Rewards</title>");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("serves built assets compressed, cached for a year, and never outside the assets folder", async () => {
    const brotli = await app.request("/assets/index-abc123.js", {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(brotli.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const compressed = Buffer.from(await brotli.arrayBuffer());
    expect(compressed.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(compressed).toString()).toBe(script);
    const gzip = await app.request("/assets/index-abc123.js", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const plain = await app.request("/assets/index-abc123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    const climbing = await app.request("/assets/..%2F..%2Fpackage.json");
    expect(climbing.status).toBe(404);
    expect(await climbing.text()).not.toContain("dependencies");
    const missing = await app.request("/assets/index-nothere.js");
    expect(missing.status).toBe(404);
    // A script another instance already has, during a rolling deploy: no cache may keep the 404.
    expect(missing.headers.get("cache-control")).toBe("no-store");
  });

  it("guards metrics with the configured bearer token", async () => {
    const guarded = await createBff(testEnv({ METRICS_TOKEN: "metrics-token-0123456789" }));
    try {
      expect((await guarded.app.request("/metrics")).status).toBe(401);
      const wrong = { headers: { authorization: "Bearer metrics-token-0123456788" } };
      expect((await guarded.app.request("/metrics", wrong)).status).toBe(401);
      const right = { headers: { authorization: "Bearer metrics-token-0123456789" } };
      expect((await guarded.app.request("/metrics", right)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("serves Prometheus metrics", async () => {
    const response = await app.request("/metrics");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("circuit_breaker_state");
  });

  it("reports readiness from the database, and not ready once draining", async () => {
    const response = await app.request("/api/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, database: "ok", draining: false });

    const draining = await createBff(testEnv({}));
    try {
      draining.startDraining();
      const answer = await draining.app.request("/api/ready");
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ ready: false, database: "ok", draining: true });
    } finally {
      await draining.close();
    }
  });

  it("says which upstreams are degraded on the public status, and nothing else", async () => {
    const response = await app.request("/api/status");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({
      status: "ok",
      upstreams: [
        { name: "crowdtwist", state: "ok", lastSuccessAt: null, lastFailureAt: null },
        { name: "alida", state: "ok", lastSuccessAt: null, lastFailureAt: null },
      ],
    });
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

  it("serves the app's HTML with the program's brand in it, and a policy that allows only its style", async () => {
    for (const path of ["/", "/index.html", "/activities/101"]) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      // The demo program's (apps/bff/config/program.json).
      expect(html).toContain("<title>Harbourside Rewards</title>");
      expect(html).toMatch(/<style>:root\{--color-primary:#0b5d57;/);
      expect(html).toContain(
        '{"name":"Harbourside Rewards","logo":"/brand/harbourside-logo.svg","contentLanguage":"en"}',
      );
      expect(response.headers.get("content-security-policy")).toMatch(/style-src 'self' 'sha256-[\w+/=]+';/);
    }
    const asset = await app.request("/assets/index-abc123.js");
    expect(asset.headers.get("content-security-policy")).toContain("style-src 'self';");
  });

  it("serves the page in the member's language: the remembered choice, else the browser's", async () => {
    const langOf = async (headers: Record<string, string>) => {
      const response = await app.request("/", { headers });
      expect(response.headers.get("vary")).toContain("Accept-Language");
      const html = await response.text();
      expect(html).toContain("<title>Harbourside Rewards</title>");
      return {
        lang: /<html lang="(\w+)">/.exec(html)?.[1],
        contentLanguage: response.headers.get("content-language"),
      };
    };
    expect(await langOf({})).toEqual({ lang: "en", contentLanguage: "en" });
    expect(await langOf({ "accept-language": "fr-FR,fr;q=0.9" })).toEqual({
      lang: "fr",
      contentLanguage: "fr",
    });
    expect(await langOf({ "accept-language": "de,en;q=0.5" })).toEqual({ lang: "en", contentLanguage: "en" });
    const remembered = { "accept-language": "fr-FR", cookie: "__Host-portal.locale=en" };
    expect(await langOf(remembered)).toEqual({ lang: "en", contentLanguage: "en" });
    // Hostile headers: an answer in English, nothing of them written back.
    const hostile = {
      "accept-language": `"><script>x</script>;q=1,fr;q=abc`,
      cookie: "__Host-portal.locale=<b>",
    };
    const response = await app.request("/", { headers: hostile });
    expect(response.headers.get("content-language")).toBe("en");
    expect(await response.text()).not.toContain("<script>x");
    // The built file is never served as it is, without the brand.
    const direct = await app.request("/index.fr.html");
    expect(await direct.text()).toContain("<title>Harbourside Rewards</title>");
  });

  it("names the member's first answers in the page only when a session cookie comes with it", async () => {
    const preloaded = async (path: string, cookie?: string) => {
      const response = await app.request(path, cookie ? { headers: { cookie } } : {});
      const html = await response.text();
      return [...html.matchAll(/<link rel="preload" as="fetch" href="([^"]+)" crossorigin>/g)].map(
        (m) => m[1],
      );
    };
    const session = `__Host-portal.sid=${"a".repeat(43)}`;
    expect(await preloaded("/")).toEqual([]);
    expect(await preloaded("/", "__Host-portal.signed-in=1")).toEqual([]);
    expect(await preloaded("/", session)).toEqual(["/api/me", "/api/me/activities"]);
    expect(await preloaded("/activities/101", session)).toEqual(["/api/me", "/api/me/activities"]);
    expect(await preloaded("/history", session)).toEqual(["/api/me"]);
    // In every language's page.
    expect(await preloaded("/", `__Host-portal.locale=fr; ${session}`)).toEqual([
      "/api/me",
      "/api/me/activities",
    ]);
  });

  it("lets the served style apply: the policy's hash is the hash of the <style> in the page", async () => {
    const response = await app.request("/");
    const css = /<style>([^<]*)<\/style>/.exec(await response.text())?.[1];
    expect(css).toBeDefined();
    const hash = createHash("sha256")
      .update(css ?? "")
      .digest("base64");
    const styleSrc = /style-src ([^;]*)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(styleSrc).toBe(`'self' 'sha256-${hash}'`);
  });

  it("refuses to start with an app page that has no place for the program's name", async () => {
    const unmarked = mkdtempSync(join(tmpdir(), "portal-web-"));
    writeFileSync(join(unmarked, "index.html"), "<!doctype html><title>Portal</title><div id=root></div>");
    await expect(createBff(testEnv({ WEB_DIST_DIR: unmarked }))).rejects.toThrow(/brand:name/);
  });

  it("says what to do when the web app is not built", async () => {
    const bare = await createBff(testEnv({ WEB_DIST_DIR: join(webDist, "missing") }));
    const response = await bare.app.request("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm start");
    await bare.close();
  });
});
