import type { Database } from "../db/database.ts";

// The audit trail of member previews. Written before the preview is served, so no preview happens
// without its record; read back by managers in the UI.

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

type AuditRow = {
  id: string;
  at: Date;
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

export function createAuditLog(db: Database) {
  return {
    async record(entry: Omit<AuditEntry, "id" | "at">): Promise<AuditEntry> {
      const rows = await db.query<AuditRow>(
        `insert into audit_log (manager_sub, manager_name, action, member_id_type, member_id, reason)
         values ($1, $2, $3, $4, $5, $6) returning *`,
        [entry.managerSub, entry.managerName, entry.action, entry.memberIdType, entry.memberId, entry.reason],
      );
      return fromRow(rows[0] as AuditRow);
    },
    async list(limit = 100): Promise<AuditEntry[]> {
      const rows = await db.query<AuditRow>("select * from audit_log order by at desc, id desc limit $1", [
        limit,
      ]);
      return rows.map(fromRow);
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
