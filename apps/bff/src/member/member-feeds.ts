import { z } from "zod";
import type { Queryable } from "../db/database.ts";

// What the Points Expiration and User Segmentation feeds stored for a member, as the browser and the
// manager's preview read it. Read tolerantly: an entry that does not read is left out, never a 500.

export interface ExpiringPointsView {
  points: number;
  /** When they expire (ISO 8601). */
  date: string;
}

export interface SegmentView {
  /** `segment` or `group`, as CrowdTwist sent it. */
  type: string;
  subscriptionId: string;
  name: string | null;
  /** In it since `since` (entered), or out of it since then (exited). */
  member: boolean;
  since: string;
  /** `segment criteria` or `segment disabled`; `null` when CrowdTwist said neither. */
  trigger: string | null;
}

const storedExpiring = z.array(
  z.object({ points: z.number(), date: z.iso.datetime({ offset: true }) }).catch({ points: 0, date: "" }),
);

export function createMemberFeeds(db: Queryable) {
  return {
    /** Points still to expire (from now on), nearest first; `[]` when none are known. */
    async expiringPoints(memberKey: string, now: Date): Promise<ExpiringPointsView[]> {
      const [row] = await db.query<{ expiring: unknown }>(
        "select expiring from member_point_expirations where member_key = $1",
        [memberKey],
      );
      const parsed = storedExpiring.safeParse(row?.expiring ?? []);
      if (!parsed.success) return [];
      return parsed.data
        .filter((entry) => entry.points > 0 && entry.date !== "" && Date.parse(entry.date) >= now.getTime())
        .map((entry) => ({ points: entry.points, date: new Date(entry.date).toISOString() }))
        .sort((a, b) => a.date.localeCompare(b.date));
    },

    /** Every segment and group the member's recorded changes name, most recent change first. */
    async segments(memberKey: string): Promise<SegmentView[]> {
      const rows = await db.query<{
        segment_type: string;
        subscription_id: string;
        name: string | null;
        event: string;
        trigger: string | null;
        date_occurred: Date;
      }>(
        `select segment_type, subscription_id, name, event, trigger, date_occurred
           from member_segments where member_key = $1
          order by date_occurred desc, segment_type, subscription_id`,
        [memberKey],
      );
      return rows.map((row) => ({
        type: row.segment_type,
        subscriptionId: row.subscription_id,
        name: row.name,
        member: row.event === "entered",
        since: new Date(row.date_occurred).toISOString(),
        trigger: row.trigger,
      }));
    },
  };
}
export type MemberFeeds = ReturnType<typeof createMemberFeeds>;
