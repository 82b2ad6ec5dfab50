import { completionsPerPeriod, type FrequencyPeriod, frequencyRule } from "@portal/loyalty/frequency";
import { countingWindows } from "@portal/loyalty/period-boundary";
import type { Queryable } from "../db/database.ts";
import type { ActivityDetails } from "./activity-catalog.ts";
import type { MemberActivityState } from "./activity-views.ts";

// What the Data Push feeds tell about a member's activities, read when the member's list is made
// (and so again after every completion or segment change, which forget the list): completions of
// each capped activity in its current period, and the member's recorded segment changes.
//
// A period's completions are counted in the history (member, activity, time index): calendar periods
// from their start in the program's zone, rolling ones back from now. Lifetime caps are counted from
// member_activity_completions, which keeps its counts when the history is pruned. Redemptions
// (negative points) are not completions.
//
// The windows of every period follow from the clock alone, so the read does not wait for the
// activities' descriptions: it is one statement, started together with the CrowdTwist call (a miss
// waits for the slower of the two, not for both in turn), and each capped activity then takes the
// count of its own period.
//
// A rolling window frees a slot when the completion that filled the cap leaves it (the cap's-th
// newest, in completions). Which one that is depends on the cap, known only from the descriptions,
// so it is a second statement, made only for activities whose rolling cap is reached: one probe of
// the (member, activity, time) index each, newest first.

/** The periods counted in the history (lifetime is counted apart). */
const WINDOWED: readonly Exclude<FrequencyPeriod, "lifetime">[] = [
  "day",
  "week",
  "month",
  "year",
  "rolling_24h",
  "rolling_7d",
  "rolling_30d",
  "rolling_365d",
];

// kind h: completions of an activity since window i's start · c: lifetime completions · s: a segment
// the member is in (n = 1) or has left (n = 0).
const READ = `
select 'h' as kind, h.activity_id as id, w.i::int as i, count(*)::int as n
  from member_activity_history h
  join unnest($3::timestamptz[]) with ordinality as w(since, i) on h.occurred_at >= w.since
 where h.member_key = $1 and h.occurred_at >= $2 and h.points >= 0
 group by h.activity_id, w.i
union all
select 'c', c.activity_id, 0, c.completions::int
  from member_activity_completions c where c.member_key = $1
union all
select 's', s.subscription_id, 0, (s.event = 'entered')::int
  from member_segments s where s.member_key = $1 and s.segment_type = 'segment'`;

type Row = { kind: "h" | "c" | "s"; id: string; i: number; n: number };

// For each (activity, window start, n): the time of the n-th newest completion since the start.
const SLOT_FREED_BY = `
select w.id, (select h.occurred_at from member_activity_history h
               where h.member_key = $1 and h.activity_id = w.id and h.occurred_at >= w.since and h.points >= 0
               order by h.occurred_at desc offset w.nth - 1 limit 1) as at
  from unnest($2::text[], $3::timestamptz[], $4::int[]) as w(id, since, nth)`;

/** What the member's feeds recorded, as of one moment: enough to count any activity's period. */
export interface RecordedActivity {
  /** The member's state for the activities described in `details`; rejects if it cannot be read. */
  stateFor(details: ReadonlyMap<string, ActivityDetails>): Promise<MemberActivityState>;
}

export function createMemberActivityState(deps: { db: Queryable; timeZone: string }) {
  /** Reads what the feeds recorded for `memberKey`, counted in each period's window as of `now`. */
  async function recorded(memberKey: string, now: Date): Promise<RecordedActivity> {
    const starts = countingWindows(WINDOWED, now, deps.timeZone).map((window) =>
      window.kind === "since" ? window.start : null,
    );
    const known = starts.filter((start): start is Date => start !== null);
    const earliest = known.length > 0 ? new Date(Math.min(...known.map((start) => start.getTime()))) : now;
    const rows = await deps.db.query<Row>(READ, [memberKey, earliest, starts]);
    const inWindow = new Map<string, number[]>();
    const lifetime = new Map<string, number>();
    const segments = new Map<string, boolean>();
    for (const row of rows) {
      if (row.kind === "s") segments.set(row.id, row.n === 1);
      else if (row.kind === "c") lifetime.set(row.id, row.n);
      else {
        const counts = inWindow.get(row.id) ?? WINDOWED.map(() => 0);
        counts[row.i - 1] = row.n;
        inWindow.set(row.id, counts);
      }
    }
    return {
      async stateFor(details) {
        const completionsInPeriod = new Map<string, number>();
        const rollingCapped: { id: string; since: Date; nth: number }[] = [];
        for (const [id, found] of details) {
          const rule = frequencyRule(found.frequency);
          if (!rule) continue;
          if (rule.period === "lifetime") {
            completionsInPeriod.set(id, lifetime.get(id) ?? 0);
            continue;
          }
          const at = WINDOWED.indexOf(rule.period);
          const since = starts[at];
          // A period with no window here (unknown, or a zone that cannot be used) is not counted.
          if (at < 0 || !since) continue;
          const count = inWindow.get(id)?.[at] ?? 0;
          completionsInPeriod.set(id, count);
          const nth = completionsPerPeriod(rule);
          if (rule.period.startsWith("rolling_") && nth >= 1 && count >= nth)
            rollingCapped.push({ id, since, nth });
        }
        const slotFreedBy = new Map<string, Date>();
        if (rollingCapped.length > 0) {
          const rows = await deps.db.query<{ id: string; at: Date | null }>(SLOT_FREED_BY, [
            memberKey,
            rollingCapped.map((capped) => capped.id),
            rollingCapped.map((capped) => capped.since),
            rollingCapped.map((capped) => capped.nth),
          ]);
          for (const row of rows) if (row.at) slotFreedBy.set(row.id, row.at);
        }
        return { completionsInPeriod, segments, slotFreedBy };
      },
    };
  }

  return {
    recorded,
    /** The member's state for the activities described in `details`, as of `now`. */
    async read(
      memberKey: string,
      details: ReadonlyMap<string, ActivityDetails>,
      now: Date,
    ): Promise<MemberActivityState> {
      return (await recorded(memberKey, now)).stateFor(details);
    },
  };
}
export type MemberActivityStateReader = ReturnType<typeof createMemberActivityState>;
