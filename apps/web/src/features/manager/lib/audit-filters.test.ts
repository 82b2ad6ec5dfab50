import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-error.ts";
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

  const refused = (paths: string[], message = "whatever the words") =>
    new ApiError(
      400,
      "invalid_audit_filter",
      message,
      "r1",
      paths.map((path) => ({ path, message })),
    );

  it.each([
    [["from"], "from"],
    [["to"], "to"],
    [["member"], "member"],
    [["manager"], "manager"],
    // The first the form shows, in the form's order.
    [["to", "manager"], "manager"],
    [["limit"], null],
    [[""], null],
    [[], null],
  ])("a 400 with issues at %j is about %j", (paths, field) => {
    expect(auditFieldOf(refused(paths))).toBe(field);
  });

  it("never picks a field by the wording of a message", () => {
    expect(auditFieldOf(refused([], "from must be a day written YYYY-MM-DD, e.g. 2025-03-01."))).toBeNull();
    expect(auditFieldOf(refused(["member"], "from must be a day"))).toBe("member");
  });

  it("is about no field when the failure is not a refused input", () => {
    const outage = new ApiError(503, "upstream_unavailable", "from is down", "r2", [
      { path: "from", message: "x" },
    ]);
    expect(auditFieldOf(outage)).toBeNull();
    expect(auditFieldOf(new Error("from"))).toBeNull();
  });
});
