import { describe, expect, it } from "vitest";
import {
  auditFieldOf,
  auditFilterQuery,
  auditFiltersToSearch,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  parseAuditFilters,
} from "./audit-filters.ts";

describe("audit filters in the address", () => {
  it("read what is set, trimmed, and nothing else", () => {
    expect(parseAuditFilters("?manager=morgan&member=%20ava%20&from=2025-03-01&page=2")).toEqual({
      manager: "morgan",
      member: "ava",
      from: "2025-03-01",
      to: "",
    });
    expect(parseAuditFilters("")).toEqual(NO_AUDIT_FILTERS);
  });

  it("write only the filters that are set, and round-trip", () => {
    const filters = { manager: "", member: "O'Brien & co", from: "", to: "2025-03-31" };
    expect(auditFilterQuery(filters)).toEqual({ member: "O'Brien & co", to: "2025-03-31" });
    expect(auditFiltersToSearch(filters)).toBe("?member=O%27Brien+%26+co&to=2025-03-31");
    expect(parseAuditFilters(auditFiltersToSearch(filters))).toEqual(filters);
    expect(auditFiltersToSearch(NO_AUDIT_FILTERS)).toBe("");
    expect(hasAuditFilters(NO_AUDIT_FILTERS)).toBe(false);
    expect(hasAuditFilters(filters)).toBe(true);
  });

  it.each([
    ["from must be a day written YYYY-MM-DD, e.g. 2025-03-01.", "from"],
    ["to must be the same day as from or later.", "to"],
    ["member contains a control character or a broken one; remove it.", "member"],
    ["manager can be at most 255 characters.", "manager"],
    ["limit must be a number from 1 to 200.", null],
    ["The rewards service is not answering right now.", null],
  ])("a 400 saying %j is about %j", (message, field) => {
    expect(auditFieldOf(message)).toBe(field);
  });
});
