import { createCrowdTwistClient } from "@portal/crowdtwist/client";
import type { DestinationStream } from "pino";
import { createApi } from "./app.ts";
import { createLoginStateStore } from "./auth/login-state-store.ts";
import { createOidcClient } from "./auth/oidc-client.ts";
import { createSessionStore } from "./auth/session-store.ts";
import { openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import type { Env } from "./env.ts";
import { createMemberActivities } from "./member/member-activities.ts";
import { createLogger } from "./observability/logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { loadProgramConfig } from "./program-config.ts";
import { createServerApp } from "./server.ts";
import { createCachedLoader } from "./upstream/cached-upstream.ts";
import { createUpstreamResilience } from "./upstream/resilience.ts";
import { createSwrCache } from "./upstream/swr-cache.ts";

// The composition root: every long-lived part of the BFF is made here, once, from the environment.

export interface BffOptions {
  logDestination?: DestinationStream;
}

const SWEEP_EVERY_MS = 10 * 60_000;

export async function createBff(env: Env, options: BffOptions = {}) {
  const logger = createLogger({
    level: env.LOG_LEVEL,
    secrets: [
      env.CROWDTWIST_API_KEY,
      env.ALIDA_CLIENT_SECRET,
      env.OIDC_CLIENT_SECRET,
      env.LIVE_PUSH_API_KEY,
      env.LIVE_PUSH_BASIC_PASSWORD,
      env.METRICS_TOKEN,
    ],
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await migrate(db);
  const metrics = createMetrics();
  const programConfig = loadProgramConfig(env.PROGRAM_CONFIG);

  const crowdtwist = createCrowdTwistClient({
    baseUrl: env.CROWDTWIST_BASE_URL,
    apiKey: env.CROWDTWIST_API_KEY,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
  });
  const crowdtwistResilience = createUpstreamResilience({ upstream: "crowdtwist", metrics });
  const activitiesLoader = createCachedLoader({
    operation: "crowdtwist_user_activities",
    resilience: crowdtwistResilience,
    metrics,
    cache: createSwrCache({
      freshMs: env.CACHE_FRESH_SECONDS * 1000,
      staleMs: env.CACHE_STALE_SECONDS * 1000,
      maxEntries: 20_000,
    }),
  });

  const sessions = createSessionStore(db, {
    idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000,
    absoluteTimeoutMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cacheMs: 5_000,
  });
  const sweeper = setInterval(() => {
    sessions.sweep().catch((err: unknown) => logger.warn({ err }, "session sweep failed"));
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  const api = createApi({
    db,
    logger,
    publicUrl: env.publicUrl,
    sessions,
    loginStates: createLoginStateStore(db),
    oidc: createOidcClient({
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      redirectUri: `${env.publicUrl}/api/auth/callback`,
      postLogoutRedirectUri: `${env.publicUrl}/`,
      allowInsecure: env.NODE_ENV !== "production",
    }),
    memberActivities: createMemberActivities({
      crowdtwist,
      idType: env.CROWDTWIST_ID_TYPE,
      program: programConfig.program,
      loader: activitiesLoader,
    }),
    manager: {
      program: programConfig.program,
      activityExtended: (id) =>
        crowdtwistResilience.execute(
          { operation: "crowdtwist_activity_extended", idempotent: true },
          (signal) => crowdtwist.getActivityExtended(id, { signal }),
        ),
    },
    openCircuits: () => (crowdtwistResilience.breakerState() === "open" ? ["crowdtwist"] : []),
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    absoluteSessionMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    crowdtwistIdClaim: env.CROWDTWIST_ID_CLAIM,
  });

  return {
    app: createServerApp(env, { api, metrics }),
    db,
    logger,
    metrics,
    sessions,
    async close() {
      clearInterval(sweeper);
      await activitiesLoader.idle();
      await crowdtwist.close();
      await db.close();
      logger.flush();
    },
  };
}
export type Bff = Awaited<ReturnType<typeof createBff>>;
