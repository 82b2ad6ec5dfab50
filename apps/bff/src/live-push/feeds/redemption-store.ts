import type { Queryable } from "../../db/database.ts";
import type { Announcement } from "../../profile/profile-store.ts";
import { announcedCte, announcementParams, DUPLICATE, type FeedOutcome, STORED } from "./feed-store.ts";

// Stores reward orders from the User Redemption feed: one row per orderId, so a redelivery writes
// nothing. An order never changes, so there is no "older" one: the first delivery stands.

export interface RedemptionInput {
  orderId: string;
  memberKey: string;
  orderDate: Date;
  rewardId: string | null;
  rewardGroupId: string | null;
  title: string | null;
  receivedAt: Date;
}

const STORE = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(
    n int, order_id text, member_key text, order_date timestamptz, reward_id text,
    reward_group_id text, title text, received_at timestamptz, notice text)
), written as (
  insert into member_redemptions (order_id, member_key, order_date, reward_id, reward_group_id, title, received_at)
  select order_id, member_key, order_date, reward_id, reward_group_id, title, received_at
    from input order by order_id
  on conflict (order_id) do nothing
  returning order_id, member_key
), ${announcedCte("w.order_id = i.order_id", 2)}
select i.n, w.order_id is not null as written, (select count(*) from announced) as announced
  from input i left join written w on w.order_id = i.order_id`;

/** Stores each order (distinct orderIds) in one statement; outcomes in the inputs' order. */
export async function storeRedemptions(
  db: Queryable,
  inputs: readonly RedemptionInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const rows = inputs.map((input, n) => ({
    n,
    order_id: input.orderId,
    member_key: input.memberKey,
    order_date: input.orderDate,
    reward_id: input.rewardId,
    reward_group_id: input.rewardGroupId,
    title: input.title,
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<{ n: number; written: boolean }>(
    STORE,
    [JSON.stringify(rows), ...announcementParams(announcement, notices)],
    { prepareAs: "live_push_redemption_store" },
  );
  const outcomes: FeedOutcome[] = inputs.map(() => DUPLICATE);
  for (const row of result) outcomes[Number(row.n)] = row.written ? STORED : DUPLICATE;
  return outcomes;
}
