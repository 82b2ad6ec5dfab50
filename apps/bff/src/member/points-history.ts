import type { Queryable } from "../db/database.ts";
import type { ActivityCatalog } from "./activity-catalog.ts";
import { encodeHistoryCursor, type HistoryCursor } from "./history-cursor.ts";

// A member's points history from the User Activity feed: what they earned and what they redeemed,
// newest first, a page at a time (keyset on time and id, served by the (member, time, id) index, so
// a page costs the same at the first entry or the ten-thousandth).
//
// The title is the one the member reads: for a redemption whose order arrived (User Redemption feed),
// the reward's title; else CrowdTwist's translation when it sent one; else the activity's
// member-facing title from the catalogue (program-wide cache); else CrowdTwist's activity name, which
// is Control Center's word for it (ADR 0030).

export interface HistoryEntryView {
  /** CrowdTwist's userActivityId. */
  id: string;
  kind: "earned" | "redeemed";
  activityId: string;
  /** `null` when CrowdTwist named it nowhere (the browser says "an activity"). */
  title: string | null;
  /**
   * The title is CrowdTwist's translation for the member (`translatedTitle`), not the brand's own
   * words (which carry the program's content language on a page in another). Always sent; optional
   * for clients written before it.
   */
  titleTranslated?: boolean;
  /** Signed: negative for a redemption. */
  points: number;
  /** When it happened (ISO 8601). */
  at: string;
  /** The order a redemption paid for, when CrowdTwist sent it. */
  reward: { orderId: string; title: string | null } | null;
}

export interface HistoryPage {
  entries: HistoryEntryView[];
  /** The `cursor` of the next page; `null` on the last one. */
  next: string | null;
}

interface HistoryRow {
  id: string;
  user_activity_id: string;
  activity_id: string;
  points: string | number;
  occurred_at: Date;
  at_micros: string;
  activity_name: string | null;
  translated_title: string | null;
  order_id: string | null;
  reward_title: string | null;
  [key: string]: unknown;
}

const PAGE = (withCursor: boolean) => `
select h.id::text, h.user_activity_id, h.activity_id, h.points, h.occurred_at,
       (extract(epoch from h.occurred_at) * 1000000)::bigint::text as at_micros,
       h.activity_name, h.translated_title, r.order_id, r.title as reward_title
  from member_activity_history h
  left join member_redemptions r on h.points < 0 and r.order_id = h.reference_id and r.member_key = h.member_key
 where h.member_key = $1
   ${withCursor ? "and (h.occurred_at, h.id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::bigint)" : ""}
 order by h.occurred_at desc, h.id desc
 limit $2`;

/** How long a page waits for activity descriptions the catalogue does not hold yet. */
const TITLE_WAIT_MS = 250;

export interface PointsHistoryDeps {
  db: Queryable;
  catalog: Pick<ActivityCatalog, "details">;
}

export function createPointsHistory(deps: PointsHistoryDeps) {
  async function titles(rows: readonly HistoryRow[]): Promise<Map<string, string>> {
    const wanted = [
      ...new Set(
        rows.filter((row) => !row.translated_title && !row.reward_title).map((row) => row.activity_id),
      ),
    ];
    if (wanted.length === 0) return new Map();
    const { details } = await deps.catalog.details(wanted, { waitMs: TITLE_WAIT_MS });
    const found = new Map<string, string>();
    for (const [id, described] of details)
      if (described.publicTitle.trim()) found.set(id, described.publicTitle);
    return found;
  }

  return {
    /** One page, newest first; `limit` entries at most. */
    async page(memberKey: string, cursor: HistoryCursor | null, limit: number): Promise<HistoryPage> {
      const params: unknown[] = [memberKey, limit + 1];
      if (cursor) params.push(String(cursor.atMicros), String(cursor.id));
      const rows = await deps.db.query<HistoryRow>(PAGE(cursor !== null), params);
      const shown = rows.slice(0, limit);
      const catalogue = await titles(shown);
      const last = shown.at(-1);
      return {
        entries: shown.map((row) => {
          const points = Number(row.points);
          return {
            id: row.user_activity_id,
            kind: points < 0 ? "redeemed" : "earned",
            activityId: row.activity_id,
            title:
              row.reward_title ?? row.translated_title ?? catalogue.get(row.activity_id) ?? row.activity_name,
            titleTranslated: row.reward_title === null && row.translated_title !== null,
            points,
            at: new Date(row.occurred_at).toISOString(),
            reward: row.order_id ? { orderId: row.order_id, title: row.reward_title } : null,
          };
        }),
        next:
          rows.length > limit && last
            ? encodeHistoryCursor({ atMicros: BigInt(last.at_micros), id: BigInt(last.id) })
            : null,
      };
    },
  };
}
export type PointsHistory = ReturnType<typeof createPointsHistory>;
