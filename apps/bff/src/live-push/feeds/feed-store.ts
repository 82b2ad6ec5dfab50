import type { Announcement } from "../../profile/profile-store.ts";

// What the Data Push feeds' stores share. Each store writes a batch of messages (several members,
// from the group commit) in one statement: the rows, and, without Redis, the announcement to the
// other instances as NOTIFY inside that statement, so it is delivered at its commit (ADR 0026).

export type FeedOutcome = { kind: "stored" } | { kind: "duplicate" } | { kind: "stale" };

export const STORED: FeedOutcome = { kind: "stored" };
export const DUPLICATE: FeedOutcome = { kind: "duplicate" };

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

/** How many other contents a latest-wins row remembers, to tell a redelivery from a new loser. */
export const SEEN_KEPT = 16;

/**
 * The upsert tail of a latest-wins store (Points Expiration, User Segmentation: no sequence number,
 * docs/decisions/0041). The stored row is the greatest message by (`dateColumn`, content hash in byte
 * order), whatever order the messages came in; a content the row holds or recently held or refused
 * (`seen_hashes`) is a duplicate and writes nothing. Any other message writes: it replaces the
 * `columns` when it is greater (or the stored row is dated over `$futureParam` after its arrival, a
 * bad clock, ADR 0011), else it is only remembered as seen. Evaluated on the row as locked, so it
 * holds across instances; RETURNING gives the row's `content_hash` after the write, which is the
 * message's own only when it won.
 */
export function latestWinsUpsert(
  conflict: string,
  dateColumn: string,
  columns: readonly string[],
  futureParam: number,
): string {
  const wins = `((excluded.${dateColumn}, excluded.content_hash collate "C") > (stored.${dateColumn}, stored.content_hash collate "C")
       or stored.${dateColumn} > stored.received_at + $${futureParam}::interval)`;
  const set = [...columns, "content_hash", "received_at"].map(
    (column) => `${column} = case when ${wins} then excluded.${column} else stored.${column} end`,
  );
  return `on conflict (${conflict}) do update set
    ${set.join(",\n    ")},
    seen_hashes = (array[case when ${wins} then stored.content_hash else excluded.content_hash end]
                   || stored.seen_hashes)[1:${SEEN_KEPT}]
  where excluded.content_hash <> stored.content_hash and excluded.content_hash <> all(stored.seen_hashes)`;
}

/** A latest-wins store's outcome: not written is a duplicate; written holds the winner's hash. */
export type LatestWinsRow = { n: number; outcome: FeedOutcome["kind"] };

export const latestWinsOutcome = (written: string) =>
  `case when ${written}.content_hash is null then 'duplicate'
        when ${written}.content_hash = i.content_hash then 'stored' else 'stale' end`;

/** The outcomes in the inputs' order, from the statement's rows. */
export function latestWinsOutcomes(rows: readonly LatestWinsRow[], count: number): FeedOutcome[] {
  const outcomes: (FeedOutcome | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const row of rows) outcomes[Number(row.n)] = { kind: row.outcome };
  return outcomes.map((outcome) => {
    if (!outcome) throw new Error("a feed store answered without a row for every input");
    return outcome;
  });
}
