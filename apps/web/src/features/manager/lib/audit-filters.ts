// The audit log's filters, kept in the address (`?manager=morgan&member=ava&from=2025-03-01`) so a
// filtered view can be shared or reloaded; the same values go to the page query and the CSV link.

export interface AuditFilters {
  manager: string;
  member: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { manager: "", member: "", from: "", to: "" };
const KEYS = ["manager", "member", "from", "to"] as const;
export type AuditFilterField = (typeof KEYS)[number];

export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const value = (key: AuditFilterField) => params.get(key)?.trim() ?? "";
  return { manager: value("manager"), member: value("member"), from: value("from"), to: value("to") };
}

/** Only the filters that are set, as the BFF's query takes them. */
export function auditFilterQuery(filters: AuditFilters): Partial<AuditFilters> {
  return Object.fromEntries(KEYS.flatMap((key) => (filters[key] ? [[key, filters[key]]] : [])));
}

export function auditFiltersToSearch(filters: AuditFilters): string {
  const search = new URLSearchParams(auditFilterQuery(filters)).toString();
  return search ? `?${search}` : "";
}

export const hasAuditFilters = (filters: AuditFilters) => KEYS.some((key) => filters[key] !== "");

/**
 * Which field a 400 from the BFF is about: its messages start with the field's name
 * ("from must be a day written YYYY-MM-DD…").
 */
export function auditFieldOf(message: string): AuditFilterField | null {
  return KEYS.find((key) => message.startsWith(`${key} `)) ?? null;
}
