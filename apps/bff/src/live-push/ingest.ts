import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { livePushProfileSchema } from "@portal/crowdtwist/live-push-profile";
import { describeSchemaFailure } from "@portal/crowdtwist/schema-failure";
import type { Logger } from "pino";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { memberKeyField, memberKeyOf } from "./member-key.ts";
import type { LivePushMetrics } from "./metrics.ts";
import { type StoreOutcome, storeProfile } from "./profile-store.ts";
import { minimiseProfile, type StoredProfile } from "./stored-profile.ts";

// One Live Push body from parsed JSON to a committed row: parse (quirks normalised, secrets dropped),
// find the member, minimise, store, count — and only after the commit tell the listeners.

export interface ProfileStoredEvent {
  memberKey: string;
  profile: StoredProfile;
  /** Per member, increases with every stored change; the SSE event id. */
  version: number;
}
export type ProfileStoredListener = (event: ProfileStoredEvent) => void;

export interface IngestDeps {
  db: Database;
  idType: CrowdTwistIdType;
  metrics: LivePushMetrics;
  logger: Logger;
  onProfileStored?: ProfileStoredListener | undefined;
  now?: () => Date;
}

export type IngestResult = StoreOutcome & { memberKey: string; thirdPartyId: string | null };

export function createLivePushIngest(deps: IngestDeps) {
  const now = deps.now ?? (() => new Date());

  function refuse(reason: "schema" | "no_member_id", error: AppError): never {
    deps.metrics.validationFailures.inc({ reason });
    throw error;
  }

  return async function ingest(body: unknown, requestId: string): Promise<IngestResult> {
    const receivedAt = now();
    const parsed = livePushProfileSchema.safeParse(body);
    if (!parsed.success) {
      const where = describeSchemaFailure(parsed.error);
      refuse(
        "schema",
        new AppError(400, "invalid_profile", `The profile does not match the schema: ${where}`),
      );
    }
    const memberKey = memberKeyOf(parsed.data, deps.idType);
    if (memberKey === null) {
      // 422, not 5xx: resending the same profile cannot help, so the sender should not retry.
      const field = memberKeyField(deps.idType);
      refuse(
        "no_member_id",
        new AppError(
          422,
          "no_member_id",
          `The profile has no ${field}, which CROWDTWIST_ID_TYPE=${deps.idType} maps members by.`,
        ),
      );
    }
    const profile = minimiseProfile(parsed.data);

    let outcome: StoreOutcome;
    try {
      outcome = await storeProfile(deps.db, { memberKey, profile, receivedAt });
    } catch (error) {
      // Not stored, so not acknowledged: a 5xx makes CrowdTwist deliver it again.
      throw new AppError(503, "storage_unavailable", "The profile could not be stored; please retry.", {
        cause: error,
      });
    }

    deps.metrics.lag.observe(Math.max(0, (receivedAt.getTime() - profile.dateLastUpdated.getTime()) / 1000));
    if (outcome.kind === "stored") deps.metrics.accepted.inc();
    else if (outcome.kind === "duplicate") deps.metrics.duplicates.inc();
    else deps.metrics.outOfOrder.inc();
    deps.logger.info(
      { requestId, memberKey, outcome: outcome.kind, version: outcome.version },
      "live push profile received",
    );

    if (outcome.kind === "stored" && deps.onProfileStored) {
      try {
        deps.onProfileStored({ memberKey, profile, version: outcome.version });
      } catch (error) {
        // The row is committed; a failing listener must not turn that into a retry.
        deps.logger.error({ requestId, err: error }, "a profile listener failed");
      }
    }
    return { ...outcome, memberKey, thirdPartyId: parsed.data.thirdPartyId };
  };
}
export type LivePushIngest = ReturnType<typeof createLivePushIngest>;
