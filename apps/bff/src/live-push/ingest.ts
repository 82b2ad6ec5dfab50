import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { livePushProfileSchema } from "@portal/crowdtwist/live-push-profile";
import {
  describeSchemaFailure,
  schemaFailureIssues,
  schemaFailureReason,
} from "@portal/crowdtwist/schema-failure";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Database } from "../db/database.ts";
import { AppError, type ErrorIssue } from "../errors.ts";
import {
  type Announcement,
  MAX_FUTURE_MS,
  type StoreInput,
  type StoreOutcome,
  storeProfiles,
} from "../profile/profile-store.ts";
import { minimiseProfile, type StoredProfile } from "../profile/stored-profile.ts";
import { issuesOf } from "../validation-issues.ts";
import { createGroupCommit } from "./group-commit.ts";
import { memberKeyField, memberKeyOf } from "./member-key.ts";
import type { LivePushMetrics, ValidationFailureReason } from "./metrics.ts";
import { isDataRefusal } from "./storage-failure.ts";

// One Live Push body from parsed JSON to a committed row: parse (quirks normalised, secrets dropped),
// find the member, minimise, store, count — and only after the commit tell the listeners.
//
// A body that can never be stored is refused with 422 naming the field, so CrowdTwist stops
// resending it (it retries a 5xx for eight hours, with the member's later pushes queued behind);
// 503 is kept for a database that is unavailable, which a resend can outlast. See ADR 0011.

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
  /** Told to the other instances in the statement that stores the profile (cluster/cluster-bus.ts). */
  announcement?: Announcement | undefined;
  now?: () => Date;
}

export type IngestResult = StoreOutcome & { memberKey: string; thirdPartyId: string | null };

export function createLivePushIngest(deps: IngestDeps) {
  const now = deps.now ?? (() => new Date());
  // Pushes that arrive while a write is in flight are stored together (group-commit.ts).
  const store = createGroupCommit<StoreInput, StoreOutcome>({
    keyOf: (input) => input.memberKey,
    write: (inputs) => storeProfiles(deps.db, inputs, deps.announcement),
  });

  function refuse(reason: ValidationFailureReason, error: AppError): never {
    deps.metrics.validationFailures.inc({ reason });
    throw error;
  }

  // Each problem by its path too (the error body's `issues`): where, and what kind, never the value.
  const unstorable = (where: string, issues: ErrorIssue[] = []) =>
    new AppError(
      422,
      "invalid_profile",
      `The profile cannot be stored (${where}); resending it unchanged will not help.`,
      { issues },
    );
  const schemaRefusal = (error: z.ZodError) =>
    unstorable(
      describeSchemaFailure(error),
      issuesOf(schemaFailureIssues(error).map(({ path, problem }) => ({ path, message: problem }))),
    );

  return async function ingest(body: unknown, requestId: string): Promise<IngestResult> {
    const receivedAt = now();
    const parsed = livePushProfileSchema.safeParse(body);
    if (!parsed.success) {
      refuse(schemaFailureReason(parsed.error), schemaRefusal(parsed.error));
    }
    // A clock far ahead would make every later push look older, freezing the member (ADR 0011).
    if (parsed.data.dateLastUpdated.getTime() > receivedAt.getTime() + MAX_FUTURE_MS) {
      refuse(
        "future_dated",
        unstorable("dateLastUpdated: future_dated, over a day ahead of our clock", [
          { path: "dateLastUpdated", message: "future_dated" },
        ]),
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
          `The profile has no usable ${field}, which CROWDTWIST_ID_TYPE=${deps.idType} maps members by.`,
          { issues: [{ path: field, message: "missing or empty" }] },
        ),
      );
    }
    const profile = minimiseProfile(parsed.data);

    let outcome: StoreOutcome;
    try {
      outcome = await store.submit({ memberKey, profile, receivedAt });
    } catch (error) {
      if (isDataRefusal(error)) {
        // A gap in the schema, for us to close; logged by SQLSTATE only, as a driver's message and
        // detail may quote the data. The sender is not asked to resend.
        const sqlState = (error as { code: string }).code;
        deps.logger.error({ requestId, memberKey, sqlState }, "the database refused a live push profile");
        refuse("unstorable", unstorable("refused by the database"));
      }
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
