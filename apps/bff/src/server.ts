import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { createApi } from "./app.ts";
import { brandedPage } from "./brand/brand-page.ts";
import type { Env } from "./env.ts";
import { AppError, apiErrorHandler, handleNotFound } from "./errors.ts";
import type { Metrics } from "./observability/metrics.ts";
import type { ProgramConfig } from "./program-config.ts";
import type { webhookRoutes } from "./routes/webhooks.ts";
import { canonicalHost } from "./security/canonical-host.ts";
import { secretsMatch } from "./security/secrets-match.ts";
import { securityHeaders, securityHeaderValues } from "./security/security-headers.ts";
import { webAssets } from "./web-assets.ts";
import { DEFAULT_LOCALE, pageLocale } from "./web-page-locale.ts";
import { type PagePreloads, PRELOADED_PATHS, pagePreloads, withPreloads } from "./web-page-preloads.ts";

// The whole HTTP surface: security headers, the API, and the built single-page app.

const defaultWebDist = resolve(import.meta.dirname, "../../web/dist");

export interface ServerParts {
  api: ReturnType<typeof createApi>;
  webhooks: ReturnType<typeof webhookRoutes>;
  metrics: Metrics;
  /** Sent on every response as `x-portal-instance`: which instance behind the proxy answered. */
  instanceId: string;
  /** Answers `GET /api/me/activities` ahead of the API's chain (routes/activities-fast-path.ts). */
  activitiesFastPath?: MiddlewareHandler | undefined;
  /** Answers plain webhook deliveries ahead of the webhooks' chain (routes/webhook-fast-path.ts). */
  webhookFastPath?: MiddlewareHandler | undefined;
  /** The app's HTML with the program's brand in it (appPage); `null` when the app is not built. */
  page: AppPage | null;
  /** Where a failure outside the API and the webhooks is logged (with its request id). */
  logger: Logger;
}

/** The app's page in each language it was built in (`en` always), each with the brand in it. */
export interface AppPage {
  byLocale: ReadonlyMap<string, string>;
  /** The CSP source of the brand's one inline style, the same in every language. */
  styleHash: string;
}

const PAGE_FILE = /^index(?:\.([a-z]{2,3}))?\.html$/;

const webDistOf = (env: Env) => (env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : defaultWebDist);

/**
 * The built index.html with the program's name, logo and colours in it (brand/brand-page.ts), read
 * once at start, before anything is opened: a page the brand cannot go into stops the start.
 */
export function appPage(
  env: Env,
  brand: Pick<ProgramConfig, "name" | "logo" | "colors" | "contentLanguage">,
): AppPage | null {
  const dist = webDistOf(env);
  if (!existsSync(join(dist, "index.html"))) return null;
  const byLocale = new Map<string, string>();
  let styleHash = "";
  for (const file of readdirSync(dist)) {
    const match = PAGE_FILE.exec(file);
    if (!match) continue;
    const page = brandedPage(readFileSync(join(dist, file), "utf8"), brand);
    byLocale.set(match[1] ?? DEFAULT_LOCALE, page.html);
    styleHash = page.styleHash;
  }
  return { byLocale, styleHash };
}

export function createServerApp(env: Env, parts: ServerParts) {
  const webDist = webDistOf(env);
  const server = new Hono();
  // First, so that its answers run nothing else; it steps aside for everything it does not answer.
  if (parts.activitiesFastPath) server.use("/api/me/activities", parts.activitiesFastPath);
  if (parts.webhookFastPath) server.use("/webhooks/*", parts.webhookFastPath);

  // Set before the handler runs: a live stream's response is written outside Hono and must not be
  // touched afterwards (me.ts passes the header to it itself).
  server.use(async (c, next) => {
    c.header("x-portal-instance", parts.instanceId);
    await next();
  });
  server.use(securityHeaders(securityHeaderValues({ production: env.NODE_ENV === "production" })));
  server.use(canonicalHost(env.publicUrl));
  server.route("/", parts.api);
  server.route("/", parts.webhooks);
  // Prometheus scrapes this; with METRICS_TOKEN set it must send it as a bearer token.
  server.get("/metrics", async (c) => {
    if (
      env.METRICS_TOKEN &&
      !secretsMatch(c.req.header("authorization") ?? "", `Bearer ${env.METRICS_TOKEN}`)
    ) {
      throw new AppError(401, "unauthenticated", "Metrics need the configured bearer token.");
    }
    return c.body(await parts.metrics.registry.metrics(), 200, {
      "content-type": parts.metrics.registry.contentType,
    });
  });
  // Unknown API paths answer in the API's error shape, never with the app's HTML.
  server.all("/api/*", handleNotFound);
  server.all("/webhooks/*", handleNotFound);

  // Hashed assets never change (cached for a year, served compressed); the HTML is revalidated so a
  // deploy shows at once. A missing asset is a 404, not the app's HTML under a script's name.
  server.use("/assets/*", webAssets(webDist));

  // Every GET that is no file is a route of the single-page app: answer with its HTML shell, with
  // the program's brand in it (brand/brand-page.ts) and a policy that lets that one style apply.
  const page = parts.page;
  const pageCsp = page
    ? securityHeaderValues({ production: env.NODE_ENV === "production", styleHashes: [page.styleHash] })[
        "content-security-policy"
      ]
    : undefined;
  const locales = new Set(page?.byLocale.keys());
  // Each language's page once per set of first answers it names (web-page-preloads.ts).
  const variants = new Map<string, Record<PagePreloads, string>>();
  for (const [locale, html] of page?.byLocale ?? []) {
    variants.set(locale, {
      none: html,
      member: withPreloads(html, PRELOADED_PATHS.member),
      "member-activities": withPreloads(html, PRELOADED_PATHS["member-activities"]),
    });
  }
  const appShell: MiddlewareHandler = (c) => {
    if (page === null || pageCsp === undefined) {
      return Promise.resolve(c.text("The web app is not built yet. Run `npm start`, which builds it.", 503));
    }
    // In the member's language (web-page-locale.ts), so the page says it before the app runs.
    const locale = pageLocale(c.req.header("cookie"), c.req.header("accept-language"), locales);
    c.header("cache-control", "no-cache");
    c.header("content-security-policy", pageCsp);
    c.header("content-language", locale);
    c.header("vary", "Cookie, Accept-Language");
    const pages = variants.get(locale) ?? variants.get(DEFAULT_LOCALE);
    return Promise.resolve(c.html(pages?.[pagePreloads(c.req.path, c.req.header("cookie"))] ?? ""));
  };
  // The built files themselves are never served as they are: they have no brand.
  server.get("/", appShell);
  server.get("/index.html", appShell);
  server.get("*", (c, next) => (PAGE_FILE.test(c.req.path.slice(1)) ? appShell(c, next) : next()));
  server.use("*", serveStatic({ root: webDist }));
  server.get("*", appShell);
  // The outermost app answers in the same error shape as the API and the webhooks (their own
  // handlers answer first for their routes): a failure here, or a method nothing serves, never gets
  // the library's plain-text body or a stack trace (docs/decisions/0035).
  server.onError(apiErrorHandler(parts.logger, "request failed outside the API"));
  server.notFound(handleNotFound);
  return server;
}
