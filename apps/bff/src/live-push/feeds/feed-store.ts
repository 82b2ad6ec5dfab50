import type { Announcement } from "../../profile/profile-store.ts";

// What the Data Push feeds' stores share. Each store writes a batch of messages (several members,
// from the group commit) in one statement: the rows, and, without Redis, the announcement to the
// other instances as NOTIFY inside that statement, so it is delivered at its commit (ADR 0026).

export type FeedOutcome = { kind: "stored" } | { kind: "duplicate" } | { kind: "stale" };

export const STORED: FeedOutcome = { kind: "stored" };
export const DUPLICATE: FeedOutcome = { kind: "duplicate" };
export const STALE: FeedOutcome = { kind: "stale" };

/**
 * The statement's parameters for the announcement: channel, head, tail, and how many members' messages
 * go in one NOTIFY (Postgres refuses a payload of 8000 bytes or more). An announcement-less store
 * passes blanks and no notices, and the statement announces nothing.
 */
export function announcementParams(
  announcement: Announcement | undefined,
  notices: readonly (string | null)[],
): [string, string, string, number] {
  if (!announcement) return ["", "", "", 1];
  const longest = Math.max(0, ...notices.map((notice) => (notice === null ? 0 : Buffer.byteLength(notice))));
  const room =
    announcement.maxPayload - Buffer.byteLength(announcement.head) - Buffer.byteLength(announcement.tail);
  return [
    announcement.channel,
    announcement.head,
    announcement.tail,
    Math.max(1, Math.floor(room / (longest + 1))),
  ];
}

/**
 * The CTE that announces the members a batch wrote, once each: `written` must have `member_key`,
 * `input` must have `n`, `member_key` and `notice`; the parameters are `$first`…`$first+3` in the
 * order `announcementParams` gives them.
 */
export function announcedCte(join: string, first: number): string {
  const [channel, head, tail, per] = [first, first + 1, first + 2, first + 3].map((i) => `$${i}`);
  return `announced as (
  select pg_notify(${channel}::text, ${head}::text || string_agg(m.notice, ',' order by m.n) || ${tail}::text)
    from (select distinct on (i.member_key) i.member_key, i.notice, i.n
            from input i join written w on ${join}
           where i.notice is not null
           order by i.member_key, i.n) m
   group by m.n / ${per}::int
)`;
}

/**
 * Outcomes from the statement's rows: written is stored; otherwise the stored row's hash tells a
 * redelivery (same) from an older message (different). A row neither written nor seen before was
 * committed meanwhile by a concurrent first delivery (newer or equal): `reread` fetches those hashes.
 */
export async function classify(
  rows: readonly { n: number; written: boolean; previous_hash: string | null }[],
  hashes: readonly string[],
  reread: (unseen: number[]) => Promise<(string | undefined)[]>,
): Promise<FeedOutcome[]> {
  const outcomes: (FeedOutcome | null)[] = hashes.map(() => null);
  const unseen: number[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    if (row.written) outcomes[n] = STORED;
    else if (row.previous_hash === null) unseen.push(n);
    else outcomes[n] = row.previous_hash === hashes[n] ? DUPLICATE : STALE;
  }
  if (unseen.length > 0) {
    const current = await reread(unseen);
    unseen.forEach((n, i) => {
      outcomes[n] = current[i] === hashes[n] ? DUPLICATE : STALE;
    });
  }
  return outcomes.map((outcome) => {
    if (!outcome) throw new Error("a feed store answered without a row for every input");
    return outcome;
  });
}
