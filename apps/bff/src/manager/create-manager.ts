import type { AlidaClient } from "@portal/alida/client";
import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { Database } from "../db/database.ts";
import type { Env } from "../env.ts";
import type { ActivityCatalog } from "../member/activity-catalog.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberFeeds } from "../member/member-feeds.ts";
import type { PointsHistory } from "../member/points-history.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { MemberProfiles } from "../profile/member-profiles.ts";
import type { ProgramConfig } from "../program-config.ts";
import { crowdTwistLoader } from "../upstream/crowdtwist-loader.ts";
import type { UpstreamResilience } from "../upstream/resilience.ts";
import { createActivityPreview } from "./activity-preview.ts";
import { createAlidaPanel } from "./alida-panel.ts";
import { createAuditLog } from "./audit-log.ts";
import { createKnownActivities } from "./known-activities.ts";
import type { ManagerDeps } from "./manager-deps.ts";

// Builds the manager area's services. Activity descriptions are the same for every member, so they
// are cached program-wide; persona lists are cached like any member's.

export interface ManagerParts {
  env: Env;
  db: Database;
  metrics: Metrics;
  programConfig: ProgramConfig;
  crowdtwist: CrowdTwistClient;
  /** `null` without Alida credentials; the composition root owns (and closes) it. */
  alida: AlidaClient | null;
  alidaResilience: UpstreamResilience;
  memberActivities: MemberActivities;
  profiles: MemberProfiles;
  catalog: ActivityCatalog;
  history: PointsHistory;
  feeds: MemberFeeds;
}

export function createManager(parts: ManagerParts): ManagerDeps & { close(): Promise<void> } {
  const { env, metrics } = parts;
  const alidaPanel = createAlidaPanel({
    alida: parts.alida,
    resilience: parts.alidaResilience,
  });
  const preview = createActivityPreview({
    crowdtwist: parts.crowdtwist,
    program: parts.programConfig.program,
    timeZone: env.PROGRAM_TIME_ZONE,
    links: { allowLoopbackHttp: env.NODE_ENV !== "production" },
    personas: parts.programConfig.previewPersonas,
    extended: parts.catalog.extended,
    personaLoader: crowdTwistLoader(
      { env, metrics },
      {
        operation: "crowdtwist_persona_activities",
        freshMs: env.CACHE_FRESH_SECONDS * 1000,
        maxEntries: 5_000,
      },
    ),
    alidaPanel,
  });
  return {
    tiers: parts.programConfig.program.tiers.map(({ id, title, minScore }) => ({ id, title, minScore })),
    preview,
    known: createKnownActivities({
      personas: parts.programConfig.previewPersonas,
      personaActivities: preview.personaActivities,
      extended: preview.extended,
    }),
    audit: createAuditLog(parts.db, env.PROGRAM_TIME_ZONE),
    memberActivities: parts.memberActivities,
    profiles: parts.profiles,
    history: parts.history,
    feeds: parts.feeds,
    profileIdType: env.CROWDTWIST_ID_TYPE,
    close: async () => {},
  };
}
