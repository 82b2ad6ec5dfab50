import { randomBytes } from "node:crypto";
import { createAlidaClient } from "@portal/alida/client";
import { createCrowdTwistClient } from "@portal/crowdtwist/client";
import type { DestinationStream } from "pino";
import { createApi } from "./app.ts";
import { createLoginStateStore } from "./auth/login-state-store.ts";
import { createOidcClient } from "./auth/oidc-client.ts";
import { createSessionStore, startSessionSweep } from "./auth/session-store.ts";
import { createClusterBus } from "./cluster/cluster-bus.ts";
import { connectRedis } from "./cluster/redis.ts";
import { profileStoredAnnouncement } from "./cluster/stored-announcements.ts";
import { openPortalDatabase } from "./db/portal-database.ts";
import type { Env } from "./env.ts";
import { createLiveUpdates } from "./live/live-updates.ts";
import { createMemberStreams } from "./live/member-streams.ts";
import { createFeeds } from "./live-push/feeds/create-feeds.ts";
import { createLivePushIngest } from "./live-push/ingest.ts";
import { parseIpAllowlist } from "./live-push/ip-allowlist.ts";
import { createLivePushMetrics } from "./live-push/metrics.ts";
import { createManager } from "./manager/create-manager.ts";
import { createActivityCatalog } from "./member/activity-catalog.ts";
import { createCommunityStatus } from "./member/community-status.ts";
import { startHistoryPrune } from "./member/history-retention.ts";
import { type ActivitiesBytes, createMemberActivities } from "./member/member-activities.ts";
import { createMemberActivityState } from "./member/member-activity-state.ts";
import { createMemberFeeds } from "./member/member-feeds.ts";
import { createPointsHistory } from "./member/points-history.ts";
import { createLogger } from "./observability/logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { createMemberProfiles } from "./profile/member-profiles.ts";
import { createProfileListeners } from "./profile/profile-listeners.ts";
import { loadProgramConfig, memberTiers } from "./program-config.ts";
import { activitiesFastPath } from "./routes/activities-fast-path.ts";
import { SIGNED_OUT_PATH } from "./routes/auth.ts";
import { webhookFastPath } from "./routes/webhook-fast-path.ts";
import { type WebhookDeps, webhookRoutes } from "./routes/webhooks.ts";
import { clientIpResolver } from "./security/client-ip.ts";
import { createApiLimits } from "./security/rate-limit.ts";
import { securityHeaderValues } from "./security/security-headers.ts";
import { appPage, createServerApp } from "./server.ts";
import { crowdTwistLoader } from "./upstream/crowdtwist-loader.ts";
import { createUpstreamResilience } from "./upstream/resilience.ts";
import { resilientAlida } from "./upstream/resilient-alida.ts";
import { resilientCrowdTwist } from "./upstream/resilient-crowdtwist.ts";
import { shareBytes } from "./upstream/shared-bytes.ts";
import { createRedisTier } from "./upstream/shared-tier.ts";
import { storedJson } from "./wire/json-bytes.ts";

// The composition root: every long-lived part of the BFF is made here, once, from the environment.

export interface BffOptions {
  logDestination?: DestinationStream;
  /** The sessions' clock (tests move it to expire sessions). */
  now?: () => Date;
  /** How often live streams get a heartbeat and their sessions a re-check (default 15 s). */
  liveHeartbeatMs?: number;
  /** Warm activity lists answered ahead of the API's chain (default true; tests compare both ways). */
  activitiesFastPath?: boolean;
  /** Plain webhook deliveries answered ahead of the webhooks' chain (default true; tests compare both ways). */
  webhookFastPath?: boolean;
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
  // Read before anything is opened: a bad program config or app page stops the start with nothing to close.
  const programConfig = loadProgramConfig(env.PROGRAM_CONFIG);
  const page = appPage(env, programConfig);
  // Without DATABASE_URL, the portal runs its own PostgreSQL in DATA_DIR and stops it at close.
  const database = await openPortalDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger });
  const { db, databaseUrl } = database;
  const metrics = createMetrics();
  const clientIp = clientIpResolver(
    env.TRUSTED_PROXIES ? parseIpAllowlist(env.TRUSTED_PROXIES, "TRUSTED_PROXIES") : null,
  );

  const crowdtwistResilience = createUpstreamResilience({
    upstream: "crowdtwist",
    metrics,
    deadlineMs: env.UPSTREAM_DEADLINE_MS,
  });
  const crowdtwist = resilientCrowdTwist(
    createCrowdTwistClient({
      baseUrl: env.CROWDTWIST_BASE_URL,
      apiKey: env.CROWDTWIST_API_KEY,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    }),
    crowdtwistResilience,
  );
  const alidaResilience = createUpstreamResilience({
    upstream: "alida",
    metrics,
    deadlineMs: env.UPSTREAM_DEADLINE_MS,
  });
  // One Alida client for the manager's panel and members' lists; without credentials there is none.
  const alida = env.ALIDA_CLIENT_SECRET
    ? createAlidaClient({
        baseUrl: env.ALIDA_BASE_URL,
        tokenUrl: env.ALIDA_TOKEN_URL ?? new URL("/oauth/token", env.ALIDA_BASE_URL).toString(),
        communityApiKeyName: env.ALIDA_COMMUNITY,
        clientId: env.ALIDA_CLIENT_ID,
        clientSecret: env.ALIDA_CLIENT_SECRET,
        timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      })
    : null;
  const loaderParts = { env, metrics };
  let draining = false;
  const instanceId = env.PORTAL_INSTANCE_ID ?? randomBytes(4).toString("hex");
  // With REDIS_URL, the instances share rate-limit counts and the members' activities (ADR 0021).
  const redis = env.REDIS_URL
    ? connectRedis(env.REDIS_URL, (err) => logger.warn({ err }, "Redis is unreachable; going on without it"))
    : null;
  if (redis && !(await redis.ready(3_000))) {
    logger.warn("Redis did not answer within 3 s; starting without it (it is used once it answers)");
  }
  const redisTrouble = (err: unknown) => logger.debug({ err }, "a Redis command failed; going on without it");
  const activitiesLoader = crowdTwistLoader<ActivitiesBytes>(loaderParts, {
    operation: "crowdtwist_user_activities",
    freshMs: env.CACHE_FRESH_SECONDS * 1000,
    maxEntries: 20_000,
    // Members whose lists are the same hold one copy of it.
    intern: shareBytes,
    shared: redis
      ? createRedisTier<ActivitiesBytes>({
          redis: redis.client,
          subscriber: redis.subscriber,
          name: "activities",
          freshMs: env.CACHE_FRESH_SECONDS * 1000,
          ttlMs: Math.max(env.CACHE_FRESH_SECONDS, env.CACHE_STALE_SECONDS, 1) * 1000,
          lockMs: env.UPSTREAM_DEADLINE_MS,
          onError: redisTrouble,
          revive: storedJson,
        })
      : undefined,
    onStored: (key) => {
      const memberKey = memberActivities.memberOf(key);
      if (memberKey !== null) liveUpdates.activitiesStored(memberKey);
    },
  });

  const sessions = createSessionStore(db, {
    idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000,
    absoluteTimeoutMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cacheMs: 5_000,
    ...(options.now ? { now: options.now } : {}),
  });
  const stopSweeping = startSessionSweep(sessions, SWEEP_EVERY_MS, (err) =>
    logger.warn({ err }, "session sweep failed"),
  );

  // Activity descriptions are the same for every member: one program-wide cache for members and managers.
  const catalog = createActivityCatalog({
    crowdtwist,
    loader: crowdTwistLoader(loaderParts, {
      operation: "crowdtwist_activity_extended",
      freshMs: 5 * 60_000,
      maxEntries: 5_000,
    }),
  });
  const community = createCommunityStatus({
    alida: alida && resilientAlida(alida, alidaResilience),
    metrics,
  });
  const memberActivities = createMemberActivities({
    crowdtwist,
    idType: env.CROWDTWIST_ID_TYPE,
    program: programConfig.program,
    loader: activitiesLoader,
    catalog,
    community,
    timeZone: env.PROGRAM_TIME_ZONE,
    // As for activity images (security-headers.ts): the local sandbox serves http on loopback.
    links: { allowLoopbackHttp: env.NODE_ENV !== "production" },
    // Completions and segment changes from the Data Push feeds (docs/decisions/0030).
    state: createMemberActivityState({ db, timeZone: env.PROGRAM_TIME_ZONE }),
  });
  const hub = createMemberStreams({
    ...(options.liveHeartbeatMs ? { heartbeatMs: options.liveHeartbeatMs } : {}),
    maxPerAddress: env.LIVE_STREAMS_PER_ADDRESS,
    // Catches what ended elsewhere: a sign-out on another instance, an expiry no lookup has seen.
    liveSessions: (idHashes) => sessions.stillLive(idHashes),
    onCheckFailed: (err: unknown) => logger.warn({ err }, "could not re-check the live streams' sessions"),
  });
  // Instances tell each other what changed, over the database they share (cluster/cluster-bus.ts).
  const bus = await createClusterBus({
    databaseUrl,
    db,
    instanceId,
    onError: (err, what) => logger.warn({ err }, what),
  });
  // A session that ends (sign-out, re-sign-in, expiry, the sweep) ends its streams at once, here and,
  // once told, on every other instance.
  sessions.onEnd((idHash, here) => {
    hub.endSession(idHash);
    if (here) void bus.publish({ type: "session_ended", idHash });
  });
  const memberFeeds = createMemberFeeds(db);
  const profiles = createMemberProfiles({
    db,
    program: programConfig.program,
    memberActivities,
    feeds: memberFeeds,
  });
  const history = createPointsHistory({ db, catalog });
  // The history keeps HISTORY_RETENTION_DAYS; every instance prunes (in small batches, so several
  // doing it at once only share the work).
  const stopPruning = startHistoryPrune({
    db,
    retentionDays: env.HISTORY_RETENTION_DAYS,
    log: (outcome) => {
      if (outcome instanceof Error) logger.warn({ err: outcome }, "could not prune the points history");
      else if (outcome.history + outcome.orders > 0) logger.info(outcome, "pruned the points history");
    },
  });
  const manager = createManager({
    env,
    db,
    metrics,
    programConfig,
    crowdtwist,
    alida,
    alidaResilience,
    memberActivities,
    profiles,
    catalog,
    history,
    feeds: memberFeeds,
  });

  const limits = createApiLimits({
    perMinute: env.RATE_LIMIT_PER_MINUTE,
    signInsPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    redis: redis?.client,
  });
  const securityHeaders = securityHeaderValues({ production: env.NODE_ENV === "production" });
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
      postLogoutRedirectUri: `${env.publicUrl}${SIGNED_OUT_PATH}`,
      allowInsecure: env.NODE_ENV !== "production",
    }),
    memberActivities,
    history,
    programTiers: memberTiers(programConfig),
    profiles,
    hub,
    manager,
    draining: () => draining,
    upstreams: () => ({ crowdtwist: crowdtwistResilience.health(), alida: alidaResilience.health() }),
    limits,
    instanceId,
    absoluteSessionMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    crowdtwistIdClaim: env.CROWDTWIST_ID_CLAIM,
    crowdtwistIdType: env.CROWDTWIST_ID_TYPE,
    securityHeaders,
    clientIp,
  });

  const livePushMetrics = createLivePushMetrics(metrics);
  // Every stored change goes to the member's open tabs on every instance (live/live-updates.ts).
  const liveUpdates = createLiveUpdates({
    hub,
    profiles,
    memberActivities,
    bus,
    sharedTier: redis !== null,
    onError: (err, what) => logger.error({ err }, what),
  });
  const profileListeners = createProfileListeners((err) =>
    logger.error({ err }, "a profile listener failed"),
  );
  profileListeners.subscribe(liveUpdates.profileStored);
  bus.subscribe((message) => {
    if (message.type === "session_ended") sessions.endedElsewhere(message.idHash);
    else liveUpdates.heard(message);
  });
  bus.onResync(liveUpdates.resynced);
  const webhookDeps: WebhookDeps = {
    logger,
    clientIp,
    metrics: livePushMetrics,
    ingest: createLivePushIngest({
      db,
      idType: env.CROWDTWIST_ID_TYPE,
      metrics: livePushMetrics,
      logger,
      onProfileStored: profileListeners.notify,
      announcement: redis ? undefined : profileStoredAnnouncement(bus),
    }),
    credentials: {
      apiKey: env.LIVE_PUSH_API_KEY,
      basicUser: env.LIVE_PUSH_BASIC_USER,
      basicPassword: env.LIVE_PUSH_BASIC_PASSWORD,
    },
    allowlist: env.LIVE_PUSH_ALLOWED_IPS ? parseIpAllowlist(env.LIVE_PUSH_ALLOWED_IPS) : null,
    thirdPartyIdSync: env.LIVE_PUSH_THIRD_PARTY_ID_SYNC,
    // The Data Push feeds beyond the profile, each on its own path with its own metrics.
    feeds: createFeeds({
      db,
      idType: env.CROWDTWIST_ID_TYPE,
      metrics,
      logger,
      onStored: liveUpdates.feedStored,
      bus,
      redis: redis !== null,
    }),
  };
  const webhooks = webhookRoutes(webhookDeps);

  return {
    app: createServerApp(env, {
      api,
      webhooks,
      metrics,
      instanceId,
      page,
      logger,
      activitiesFastPath:
        options.activitiesFastPath === false
          ? undefined
          : activitiesFastPath({
              sessions,
              memberActivities,
              limits,
              clientIp,
              logger,
              headers: { ...securityHeaders, "x-portal-instance": instanceId },
              answered: metrics.fastPathAnswers,
            }),
      webhookFastPath:
        options.webhookFastPath === false
          ? undefined
          : webhookFastPath({
              webhooks: webhookDeps,
              headers: { ...securityHeaders, "x-portal-instance": instanceId },
              answered: metrics.webhookFastPathAnswers,
            }),
    }),
    instanceId,
    db,
    logger,
    metrics,
    sessions,
    livePushMetrics,
    /** Called after each stored Live Push change (the SSE fan-out hooks in here); returns an unsubscribe. */
    onProfileStored: profileListeners.subscribe,
    /** The live-update hub (the fan-out benchmark broadcasts through it). */
    hub,
    /** Readiness turns false, so a proxy stops sending new requests here before the process stops. */
    startDraining() {
      draining = true;
    },
    async close() {
      stopSweeping();
      stopPruning();
      hub.close();
      await activitiesLoader.idle();
      await bus.close();
      await redis?.close();
      await crowdtwist.close();
      await manager.close();
      await alida?.close();
      await database.close();
      logger.flush();
    },
  };
}
export type Bff = Awaited<ReturnType<typeof createBff>>;
