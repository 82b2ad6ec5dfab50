import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { LivePushMemberIds } from "@portal/crowdtwist/live-push-feed-values";
import {
  describeSchemaFailure,
  schemaFailureIssues,
  schemaFailureReason,
} from "@portal/crowdtwist/schema-failure";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { AppError, type ErrorIssue } from "../../errors.ts";
import { type Announcement, MAX_FUTURE_MS } from "../../profile/profile-store.ts";
import { issuesOf } from "../../validation-issues.ts";
import { createGroupCommit } from "../group-commit.ts";
import { memberKeyField, memberKeyOf } from "../member-key.ts";
import type { FeedLabel, FeedMetricsView, ValidationFailureReason } from "../metrics.ts";
import { isDataRefusal } from "../storage-failure.ts";
import type { FeedOutcome } from "./feed-store.ts";

// One Data Push message from parsed JSON to a committed row, for any feed beyond the profile: parse
// (quirks normalised, what the portal does not keep dropped), find the member, minimise, store
// through the group commit, count — and only after the commit tell the listeners. The answers are
// the profile's (ADR 0006, 0011): 422 naming the field for a body that can never be stored, 503 only
// for a database that is unavailable, 2xx for stored, duplicate or older.

/** How one feed is read and stored. */
export interface FeedDefinition<Parsed extends LivePushMemberIds, Input> {
  feed: FeedLabel;
  /** How the sender spells the member's ids (for the error naming the missing one). */
  casing: "camel" | "snake";
  schema: z.ZodType<Parsed>;
  /**
   * The message's own date: how late it arrived (the lag metric) and, when it orders messages, how
   * far ahead of our clock it may be. `null` when the message carries none.
   */
  datedAt(parsed: Parsed): { at: Date; field: string } | null;
  toInput(parsed: Parsed, memberKey: string, receivedAt: Date): Input;
  /** Inputs with the same key are written one at a time, in arrival order (group-commit.ts). */
  keyOf(input: Input): string;
  write(db: Database, inputs: readonly Input[], announcement?: Announcement): Promise<FeedOutcome[]>;
}

export interface FeedStoredEvent {
  feed: FeedLabel;
  memberKey: string;
}

export interface FeedIngestDeps {
  db: Database;
  idType: CrowdTwistIdType;
  metrics: FeedMetricsView;
  logger: Logger;
  onStored?: ((event: FeedStoredEvent) => void) | undefined;
  /** Told to the other instances in the statement that stores the message (cluster/cluster-bus.ts). */
  announcement?: Announcement | undefined;
  now?: () => Date;
}

export type FeedIngestResult = FeedOutcome & { memberKey: string };
export type FeedIngest = (body: unknown, requestId: string) => Promise<FeedIngestResult>;

export function createFeedIngest<Parsed extends LivePushMemberIds, Input>(
  definition: FeedDefinition<Parsed, Input>,
  deps: FeedIngestDeps,
): FeedIngest {
  const now = deps.now ?? (() => new Date());
  const store = createGroupCommit<Input, FeedOutcome>({
    keyOf: definition.keyOf,
    write: (inputs) => definition.write(deps.db, inputs, deps.announcement),
  });

  function refuse(reason: ValidationFailureReason, error: AppError): never {
    deps.metrics.validationFailures.inc({ reason });
    throw error;
  }
  // Each problem by its path too (the error body's `issues`): where, and what kind, never the value.
  const unstorable = (where: string, issues: ErrorIssue[] = []) =>
    new AppError(
      422,
      "invalid_message",
      `The message cannot be stored (${where}); resending it unchanged will not help.`,
      { issues },
    );
  const schemaRefusal = (error: z.ZodError) =>
    unstorable(
      describeSchemaFailure(error),
      issuesOf(schemaFailureIssues(error).map(({ path, problem }) => ({ path, message: problem }))),
    );

  return async function ingest(body, requestId) {
    const receivedAt = now();
    const parsed = definition.schema.safeParse(body);
    if (!parsed.success) {
      refuse(schemaFailureReason(parsed.error), schemaRefusal(parsed.error));
    }
    const dated = definition.datedAt(parsed.data);
    // A clock far ahead would make every later message look older, or count a completion in a
    // period that has not started (ADR 0011).
    if (dated && dated.at.getTime() > receivedAt.getTime() + MAX_FUTURE_MS) {
      refuse(
        "future_dated",
        unstorable(`${dated.field}: future_dated, over a day ahead of our clock`, [
          { path: dated.field, message: "future_dated" },
        ]),
      );
    }
    const memberKey = memberKeyOf(parsed.data, deps.idType);
    if (memberKey === null) {
      const field = memberKeyField(deps.idType, definition.casing);
      refuse(
        "no_member_id",
        new AppError(
          422,
          "no_member_id",
          `The message has no usable ${field}, which CROWDTWIST_ID_TYPE=${deps.idType} maps members by.`,
          { issues: [{ path: field, message: "missing or empty" }] },
        ),
      );
    }

    let outcome: FeedOutcome;
    try {
      outcome = await store.submit(definition.toInput(parsed.data, memberKey, receivedAt));
    } catch (error) {
      if (isDataRefusal(error)) {
        const sqlState = (error as { code: string }).code;
        deps.logger.error(
          { requestId, memberKey, sqlState, feed: definition.feed },
          "the database refused a live push message",
        );
        refuse("unstorable", unstorable("refused by the database"));
      }
      // Not stored, so not acknowledged: a 5xx makes CrowdTwist deliver it again.
      throw new AppError(503, "storage_unavailable", "The message could not be stored; please retry.", {
        cause: error,
      });
    }

    if (dated) deps.metrics.lag.observe(Math.max(0, (receivedAt.getTime() - dated.at.getTime()) / 1000));
    if (outcome.kind === "stored") deps.metrics.accepted.inc();
    else if (outcome.kind === "duplicate") deps.metrics.duplicates.inc();
    else deps.metrics.outOfOrder.inc();
    deps.logger.info(
      { requestId, memberKey, feed: definition.feed, outcome: outcome.kind },
      "live push message received",
    );
    if (outcome.kind === "stored" && deps.onStored) {
      try {
        deps.onStored({ feed: definition.feed, memberKey });
      } catch (error) {
        // The row is committed; a failing listener must not turn that into a retry.
        deps.logger.error({ requestId, err: error }, "a feed listener failed");
      }
    }
    return { ...outcome, memberKey };
  };
}
