import type { Queryable } from "../db/database.ts";

// The points history grows with every completion of every member, without end; HISTORY_RETENTION_DAYS
// bounds it. A prune deletes what is older than that both by its own date and by its arrival, oldest
// arrival first, in batches found through the (received_at) index, so each statement touches a few
// thousand rows and holds its locks briefly while ingest goes on; a run stops after `maxBatches` and
// the next run goes on from there. By the date alone, a late delivery of an old completion would be
// pruned at once, and CrowdTwist's redelivery of it (retried for hours) stored and counted again: a
// row received within the retention is what makes that redelivery a duplicate. Lifetime
// completion counts (member_activity_completions) are kept, so a once-only activity stays done after
// its completion leaves the history; the retention is at least 400 days (env.ts) so that a yearly or
// 365-day cap still counts every completion of its period. Orders go with the completions they named.
// At the scale where even batched deletes cost too much, partition by month instead (README →
// Operations → Points history).

export interface HistoryRetentionOptions {
  db: Queryable;
  retentionDays: number;
  /** Rows per statement. */
  batchSize?: number;
  /** Statements per run and table. */
  maxBatches?: number;
}

// `= any(array(…))`, not `in (…)`: the batch's keys are then looked up by the primary key, where a
// semi-join may scan the whole table for each batch of a few thousand.
export const PRUNE_HISTORY = `
delete from member_activity_history where id = any(array(
  select id from member_activity_history where received_at < $1 and occurred_at < $1
   order by received_at limit $2))`;

export const PRUNE_ORDERS = `
delete from member_redemptions where order_id = any(array(
  select order_id from member_redemptions where received_at < $1 and order_date < $1
   order by received_at limit $2))`;

export function createHistoryRetention(options: HistoryRetentionOptions) {
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 40;

  async function prune(sql: string, cutoff: Date): Promise<number> {
    let deleted = 0;
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const rows = await options.db.query(`${sql} returning 1`, [cutoff, batchSize]);
      deleted += rows.length;
      if (rows.length < batchSize) break;
    }
    return deleted;
  }

  return {
    /** Deletes history and orders older than the retention as of `now`; how many of each went. */
    async prune(now = new Date()): Promise<{ history: number; orders: number }> {
      const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
      return { history: await prune(PRUNE_HISTORY, cutoff), orders: await prune(PRUNE_ORDERS, cutoff) };
    },
  };
}
export type HistoryRetention = ReturnType<typeof createHistoryRetention>;

const PRUNE_EVERY_MS = 60 * 60_000;
/** The first run: a few minutes after start, spread so that instances started together do not collide. */
const firstRunDelay = () => 60_000 + Math.floor(Math.random() * 4 * 60_000);

/**
 * Prunes soon after start and then every hour (none with `retentionDays` 0); returns what stops it.
 * Not only hourly from start: instances replaced more often than that (deploys, autoscaling) would
 * otherwise never prune.
 */
export function startHistoryPrune(
  options: HistoryRetentionOptions & {
    log(outcome: { history: number; orders: number } | Error): void;
    /** Until the first run (default: one to five minutes). */
    firstRunMs?: number;
  },
): () => void {
  if (options.retentionDays <= 0) return () => {};
  const retention = createHistoryRetention(options);
  const run = () => {
    retention
      .prune()
      .then(options.log, (error: unknown) =>
        options.log(error instanceof Error ? error : new Error(String(error))),
      );
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(() => {
    run();
    timer = setInterval(run, PRUNE_EVERY_MS);
    timer.unref();
  }, options.firstRunMs ?? firstRunDelay());
  timer.unref();
  return () => clearTimeout(timer);
}
