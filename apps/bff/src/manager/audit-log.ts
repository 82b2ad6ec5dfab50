import type { Database } from "../db/database.ts";
import { type AuditCursor, encodeAuditCursor } from "./audit-cursor.ts";

// The audit trail of member previews. Written before the preview is served, so no preview happens
// without its record; read back by managers newest first, a page at a time, filtered by manager,
// member and dates, or exported whole. Every read walks one of the (…, at desc, id desc) indexes of
// migration 0019: a page costs its own rows, however deep it is.

export interface AuditEntry {
  id: string;
  at: Date;
  managerSub: string;
  managerName: string | null;
  action: string;
  memberIdType: string;
  memberId: string;
  reason: string;
}

export interface AuditFilter {
  /** The manager's `sub`, exactly. */
  managerSub?: string | undefined;
  /** The member's id, exactly (any id type). */
  memberId?: string | undefined;
  /** Calendar days in the program's time zone, both included: `YYYY-MM-DD`. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next (older) page starts; null on the last page. */
  next: string | null;
}

type AuditRow = {
  id: string;
  at: Date;
  at_micros: string;
  manager_sub: string;
  manager_name: string | null;
  action: string;
  member_id_type: string;
  member_id: string;
  reason: string;
};

const fromRow = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: new Date(row.at),
  managerSub: row.manager_sub,
  managerName: row.manager_name,
  action: row.action,
  memberIdType: row.member_id_type,
  memberId: row.member_id,
  reason: row.reason,
});

const cursorOf = (row: AuditRow): AuditCursor => ({ atMicros: BigInt(row.at_micros), id: BigInt(row.id) });

const COLUMNS = `id, at, (extract(epoch from at) * 1000000)::bigint::text as at_micros, manager_sub,
  manager_name, action, member_id_type, member_id, reason`;
const EPOCH_PLUS_MICROS = (param: string) =>
  `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

/** The where clause and its parameters; the day bounds are midnights in the program's zone. */
function whereOf(filter: AuditFilter, timeZone: string, cursor: AuditCursor | null) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.managerSub) clauses.push(`manager_sub = ${param(filter.managerSub)}`);
  if (filter.memberId) clauses.push(`member_id = ${param(filter.memberId)}`);
  if (filter.from)
    clauses.push(`at >= (${param(filter.from)}::date)::timestamp at time zone ${param(timeZone)}`);
  if (filter.to) {
    clauses.push(`at < (${param(filter.to)}::date + 1)::timestamp at time zone ${param(timeZone)}`);
  }
  if (cursor) {
    clauses.push(
      `(at, id) < (${EPOCH_PLUS_MICROS(param(String(cursor.atMicros)))}, ${param(String(cursor.id))}::bigint)`,
    );
  }
  return { where: clauses.length ? `where ${clauses.join(" and ")}` : "", params };
}

/** The most managers the filter lists; the walk below stops there. */
export const MAX_MANAGERS = 1000;

/**
 * The managers, by a loose index scan: from each manager, one probe of the (manager_sub, at desc,
 * id desc) index jumps to the next manager's newest entry, so the cost is one probe per manager,
 * not a read of the whole log (a GROUP BY read every row). The name is the one of the manager's
 * latest entry (a renamed manager shows as they are called now). At most $1 managers.
 */
export const MANAGERS_SQL = `
  with recursive managers as (
    (select manager_sub, manager_name, 1 as n from audit_log
      order by manager_sub, at desc, id desc limit 1)
    union all
    select next.manager_sub, next.manager_name, managers.n + 1
    from managers cross join lateral (
      select manager_sub, manager_name from audit_log
      where audit_log.manager_sub > managers.manager_sub
      order by manager_sub, at desc, id desc limit 1
    ) as next
    where managers.n < $1
  )
  select manager_sub, manager_name from managers order by manager_name, manager_sub`;

export function createAuditLog(db: Database, timeZone = "UTC") {
  async function page(filter: AuditFilter, cursor: AuditCursor | null, limit: number) {
    const { where, params } = whereOf(filter, timeZone, cursor);
    params.push(limit);
    return db.query<AuditRow>(
      `select ${COLUMNS} from audit_log ${where} order by at desc, id desc limit $${params.length}`,
      params,
    );
  }
  return {
    async record(entry: Omit<AuditEntry, "id" | "at">): Promise<AuditEntry> {
      const rows = await db.query<AuditRow>(
        `insert into audit_log (manager_sub, manager_name, action, member_id_type, member_id, reason)
         values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
        [entry.managerSub, entry.managerName, entry.action, entry.memberIdType, entry.memberId, entry.reason],
      );
      return fromRow(rows[0] as AuditRow);
    },
    /** One page, newest first; one row more is read to know whether another page follows. */
    async list(filter: AuditFilter = {}, cursor: AuditCursor | null = null, limit = 50): Promise<AuditPage> {
      const rows = await page(filter, cursor, limit + 1);
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return {
        entries: shown.map(fromRow),
        next: rows.length > limit && last ? encodeAuditCursor(cursorOf(last)) : null,
      };
    },
    /** Every matching entry, newest first, read a batch at a time so an export never holds them all. */
    async *each(filter: AuditFilter, batch = 500): AsyncGenerator<AuditEntry> {
      let cursor: AuditCursor | null = null;
      for (;;) {
        const rows = await page(filter, cursor, batch);
        for (const row of rows) yield fromRow(row);
        const last = rows.at(-1);
        if (rows.length < batch || !last) return;
        cursor = cursorOf(last);
      }
    },
    /** Everyone who has an entry, to filter by, with the name of their latest entry. */
    async managers(): Promise<{ sub: string; name: string | null }[]> {
      const rows = await db.query<{ manager_sub: string; manager_name: string | null }>(MANAGERS_SQL, [
        MAX_MANAGERS,
      ]);
      return rows.map((row) => ({ sub: row.manager_sub, name: row.manager_name }));
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
