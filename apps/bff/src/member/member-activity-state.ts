import { frequencyRule } from "@portal/loyalty/frequency";
import { countingWindow } from "@portal/loyalty/period-boundary";
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

const COUNTS = `
select w.activity_id,
       case when w.since is null
         then coalesce((select c.completions from member_activity_completions c
                         where c.member_key = $1 and c.activity_id = w.activity_id), 0)
         else (select count(*) from member_activity_history h
                where h.member_key = $1 and h.activity_id = w.activity_id
                  and h.occurred_at >= w.since and h.points >= 0)
       end as completions
  from unnest($2::text[], $3::timestamptz[]) as w(activity_id, since)`;

const SEGMENTS = `
select subscription_id, event from member_segments where member_key = $1 and segment_type = 'segment'`;

export function createMemberActivityState(deps: { db: Queryable; timeZone: string }) {
  return {
    /** The member's state for the activities described in `details`, as of `now`. */
    async read(
      memberKey: string,
      details: ReadonlyMap<string, ActivityDetails>,
      now: Date,
    ): Promise<MemberActivityState> {
      const ids: string[] = [];
      const since: (Date | null)[] = [];
      for (const [id, found] of details) {
        const rule = frequencyRule(found.frequency);
        if (!rule) continue;
        const window = countingWindow(rule.period, now, deps.timeZone);
        if (window.kind === "unknown") continue;
        ids.push(id);
        since.push(window.kind === "since" ? window.start : null);
      }
      const [counts, segments] = await Promise.all([
        ids.length === 0
          ? []
          : deps.db.query<{ activity_id: string; completions: string | number }>(COUNTS, [
              memberKey,
              ids,
              since,
            ]),
        deps.db.query<{ subscription_id: string; event: string }>(SEGMENTS, [memberKey]),
      ]);
      return {
        completionsInPeriod: new Map(counts.map((row) => [row.activity_id, Number(row.completions)])),
        segments: new Map(segments.map((row) => [row.subscription_id, row.event === "entered"])),
      };
    },
  };
}
export type MemberActivityStateReader = ReturnType<typeof createMemberActivityState>;
