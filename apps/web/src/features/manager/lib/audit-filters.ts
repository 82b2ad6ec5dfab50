import { fieldsInError } from "../../../lib/api-error.ts";

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

/** Which filter a 400 from the BFF is about: the first its issues name by path (null for none). */
export function auditFieldOf(error: unknown): AuditFilterField | null {
  return fieldsInError(error, KEYS)[0] ?? null;
}

/** What is wrong with a filter the BFF refused: the words are the page's, in the manager's language. */
export type AuditProblem = "day" | "order" | "too_long" | "characters";

/** The BFF's own limit on a text filter (routes/manager-audit.ts). */
const MAX_TEXT = 255;

/**
 * Which problem the BFF found with `field`, from the values themselves: a day field is either not
 * a day or, for `to`, before `from`; a text field is too long or holds a character it refuses.
 */
export function auditProblemOf(field: AuditFilterField, filters: AuditFilters): AuditProblem {
  if (field === "from" || field === "to") {
    const ordered = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
    return field === "to" && ordered ? "order" : "day";
  }
  return filters[field].length > MAX_TEXT ? "too_long" : "characters";
}
