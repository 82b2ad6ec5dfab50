import { existsSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import { isKnownTimeZone } from "@portal/loyalty/period-boundary";
import { z } from "zod";
import { ipAllowlistProblems } from "./live-push/ip-allowlist.ts";
import { DEFAULT_PROGRAM_CONFIG } from "./program-config.ts";

// The BFF's configuration, parsed once at start. A bad value stops the process with a message that
// names the variable; production refuses the sandbox and anything that is not a real secret.

const port = z.coerce.number().int().min(0).max(65_535);
const optionalSecret = z.string().min(16, "must be at least 16 characters").optional();
/** Comma-separated IPs and CIDRs (IPv4/IPv6); blank is unset; each bad entry is named. */
const optionalIpList = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .superRefine((value, ctx) => {
    for (const problem of value ? ipAllowlistProblems(value) : [])
      ctx.addIssue({ code: "custom", message: problem });
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  WEB_DIST_DIR: z.string().optional(),
  CROWDTWIST_BASE_URL: z.url().default("http://localhost:4010"),
  CROWDTWIST_API_KEY: z.string().min(8, "must be the API key CrowdTwist issued"),
  /** Which of the member's ids the sign-in carries (in CROWDTWIST_ID_CLAIM); `email` included (ADR 0020). */
  CROWDTWIST_ID_TYPE: z.enum(CROWDTWIST_ID_TYPES).default("third_party_id"),
  ALIDA_BASE_URL: z.url().default("http://localhost:4010"),
  ALIDA_TOKEN_URL: z.url().optional(),
  ALIDA_COMMUNITY: z.string().min(1).default("demo-community"),
  ALIDA_CLIENT_ID: z.string().min(1).default("portal-bff"),
  ALIDA_CLIENT_SECRET: optionalSecret,
  OIDC_ISSUER: z.url().default("http://localhost:4010/oidc"),
  OIDC_CLIENT_ID: z.string().min(1).default("portal"),
  OIDC_CLIENT_SECRET: z.string().min(8, "must be the client secret the identity provider issued"),
  CROWDTWIST_ID_CLAIM: z.string().min(1).default("sub"),
  LIVE_PUSH_API_KEY: optionalSecret,
  LIVE_PUSH_BASIC_USER: z.string().min(1).optional(),
  LIVE_PUSH_BASIC_PASSWORD: optionalSecret,
  /** IPs and CIDRs that may call the webhook, checked against the client address (see TRUSTED_PROXIES). */
  LIVE_PUSH_ALLOWED_IPS: optionalIpList,
  /**
   * The reverse proxies in front of the BFF: their X-Forwarded-For names the client. Unset, the TCP
   * peer is the client and the header is ignored.
   */
  TRUSTED_PROXIES: optionalIpList,
  /** CrowdTwist's third-party-id reply, which it only offers without authentication. */
  LIVE_PUSH_THIRD_PARTY_ID_SYNC: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** Give back what a busy spell left in V8's pool once the instance is quiet (memory-release.ts). */
  MEMORY_RELEASE: z
    .enum(["on", "off"])
    .default("on")
    .transform((value) => value === "on"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
    .optional(),
  /**
   * This instance's name in /api/health and the `x-portal-instance` header (default: random at each
   * start). The launcher names its instances portal-1…N.
   */
  PORTAL_INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "must be 1–64 letters, digits, dots, colons, dashes or underscores")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  PROGRAM_CONFIG: z.string().optional(),
  /**
   * Where the program's calendar periods ("today", "this week") start at midnight, for caps on the
   * server and dates in the browser alike. An IANA name (offsets such as +05:00 would ignore summer
   * time); kept in its canonical spelling.
   */
  PROGRAM_TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine(
      (zone) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && isKnownTimeZone(zone),
      "must be an IANA time zone name such as UTC, Europe/London or America/New_York",
    )
    .transform((zone) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /**
   * Live-update streams one client address may hold open (each is a file handle). A session holds at
   * most 6; 50 lets a household or an office behind one NAT have several members signed in.
   */
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  /**
   * How long the points history keeps a completion or an order (days); 0 keeps them for ever. At
   * least 400, so that a yearly or 365-day cap still sees every completion of its period.
   */
  HISTORY_RETENTION_DAYS: z.coerce
    .number()
    .int("must be a whole number of days")
    .refine((days) => days === 0 || days >= 400, "must be 0 (keep for ever) or at least 400 days")
    .default(730),
  CACHE_FRESH_SECONDS: z.coerce.number().min(0).default(30),
  CACHE_STALE_SECONDS: z.coerce.number().min(0).default(600),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  /** The most any upstream read may take for a request, retries included; the API answers within 5 s. */
  UPSTREAM_DEADLINE_MS: z.coerce.number().int().min(100).max(4_500).default(4_000),
  METRICS_TOKEN: optionalSecret,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type RawEnv = z.infer<typeof schema>;

const isLoopback = (url: string) => ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);

/** What production refuses: the sandbox's loopback URLs, plain-http upstreams and missing secrets. */
/** Settings that contradict each other, in any environment. */
function consistencyProblems(env: RawEnv): string[] {
  if (env.LIVE_PUSH_THIRD_PARTY_ID_SYNC && !env.LIVE_PUSH_ALLOWED_IPS) {
    return [
      "LIVE_PUSH_THIRD_PARTY_ID_SYNC: runs without authentication, so it needs LIVE_PUSH_ALLOWED_IPS (CrowdTwist's sender addresses)",
    ];
  }
  return [];
}

/** Whether two paths name the same file, through `..` and symbolic links. */
function samePath(a: string, b: string): boolean {
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));
  return real(a) === real(b);
}

function productionProblems(env: RawEnv): string[] {
  const problems: string[] = [];
  for (const name of ["CROWDTWIST_BASE_URL", "ALIDA_BASE_URL", "OIDC_ISSUER"] as const) {
    const value = env[name];
    if (isLoopback(value)) problems.push(`${name}: points at the local sandbox; set the real upstream URL`);
    else if (!value.startsWith("https://")) problems.push(`${name}: must be an https:// URL in production`);
  }
  for (const name of ["ALIDA_CLIENT_SECRET"] as const) {
    if (!env[name]) problems.push(`${name}: is required in production`);
  }
  const hasCredential = env.LIVE_PUSH_API_KEY || (env.LIVE_PUSH_BASIC_USER && env.LIVE_PUSH_BASIC_PASSWORD);
  // Third-party-id sync runs without a credential; the allowlist it requires stands in for one.
  if (!hasCredential && !env.LIVE_PUSH_THIRD_PARTY_ID_SYNC) {
    problems.push(
      "LIVE_PUSH_API_KEY: set it (or LIVE_PUSH_BASIC_USER and LIVE_PUSH_BASIC_PASSWORD) in production",
    );
  }
  if (!env.PUBLIC_URL?.startsWith("https://")) problems.push("PUBLIC_URL: must be the portal's https:// URL");
  // The demo program's name, logo and invented benefits must never reach real members.
  if (!env.PROGRAM_CONFIG?.trim()) {
    problems.push("PROGRAM_CONFIG: is required in production (the path of the program's config file)");
  } else if (samePath(env.PROGRAM_CONFIG, DEFAULT_PROGRAM_CONFIG)) {
    problems.push(
      "PROGRAM_CONFIG: is the demo program (apps/bff/config/program.json); point it at your program's own file",
    );
  }
  // /metrics is served on the public port; without a token anyone could read it.
  if (!env.METRICS_TOKEN) {
    problems.push("METRICS_TOKEN: is required in production (Prometheus sends it as a bearer token)");
  }
  return problems;
}

export type Env = RawEnv & { publicUrl: string };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  const problems = result.success
    ? [
        ...consistencyProblems(result.data),
        ...(result.data.NODE_ENV === "production" ? productionProblems(result.data) : []),
      ]
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  if (!result.success || problems.length > 0) {
    throw new Error(`BFF configuration is invalid:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  const env = result.data;
  return { ...env, publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}
