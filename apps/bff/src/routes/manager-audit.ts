import { Hono } from "hono";
import { z } from "zod";
import type { SessionVariables } from "../auth/session-middleware.ts";
import { decodeAuditCursor } from "../manager/audit-cursor.ts";
import type { AuditEntry, AuditFilter, AuditLog } from "../manager/audit-log.ts";
import { csvRow } from "../manager/csv.ts";
import { validate } from "./validate.ts";

// The audit log for managers: a page at a time, newest first (keyset: `before` is the `next` of the
// page shown), filtered by manager, member and days; and the same filter exported as CSV. Mounted
// inside managerRoutes, behind requireManager.

export interface AuditRouteDeps {
  audit: AuditLog;
}

// Years 1900 to 9999: Postgres has no year 0 (a 500 otherwise), and no entry is older than 1900.
const DAY = /^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/;
const isDay = (value: string) =>
  DAY.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
// A NUL would make Postgres refuse the query; other controls cannot be in a stored id.
const printable = (text: string) => text.isWellFormed() && !/\p{Cc}/u.test(text);

/** Optional text: blank means "no filter", as an empty form field sends it. */
const optionalText = (field: string, what: string) =>
  z
    .string()
    .trim()
    .max(255, `${field} can be at most 255 characters.`)
    .refine(printable, `${field} contains a control character or a broken one; remove it.`)
    .optional()
    .transform((value) => value || undefined)
    .describe(what);

const optionalDay = (field: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine(
      (value) => value === undefined || isDay(value),
      `${field} must be a day written YYYY-MM-DD from the year 1900 on, e.g. 2025-03-01.`,
    );

const filterQuery = z
  .object({
    manager: optionalText("manager", "the manager's sign-in id (sub)"),
    member: optionalText("member", "the member's id, of any id type"),
    from: optionalDay("from"),
    to: optionalDay("to"),
  })
  .refine(({ from, to }) => !from || !to || from <= to, {
    path: ["to"],
    message: "to must be the same day as from or later.",
  });

const pageQuery = filterQuery.and(
  z.object({
    before: z
      .string()
      .optional()
      .refine(
        (value) => value === undefined || decodeAuditCursor(value) !== null,
        "before must be the `next` value of a page of the audit log.",
      ),
    limit: z.coerce
      .number({ error: "limit must be a number from 1 to 200." })
      .int("limit must be a whole number from 1 to 200.")
      .min(1, "limit must be a number from 1 to 200.")
      .max(200, "limit must be a number from 1 to 200.")
      .default(50),
  }),
);

// A preview by email records the email in lower case (as a signed-in member's id is spelled), so a
// member filter that looks like an email is lower-cased to find it; other ids are matched exactly.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const memberFilter = (member: string | undefined) =>
  member && LOOKS_LIKE_EMAIL.test(member) ? member.toLowerCase() : member;

const filterOf = (query: z.infer<typeof filterQuery>): AuditFilter => ({
  managerSub: query.manager,
  memberId: memberFilter(query.member),
  from: query.from,
  to: query.to,
});

const CSV_HEADER = [
  "time (UTC)",
  "manager",
  "manager name",
  "action",
  "member id type",
  "member id",
  "reason",
  "entry id",
];
const csvLine = (entry: AuditEntry) =>
  csvRow([
    entry.at.toISOString(),
    entry.managerSub,
    entry.managerName,
    entry.action,
    entry.memberIdType,
    entry.memberId,
    entry.reason,
    entry.id,
  ]);

export function auditRoutes(deps: AuditRouteDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .get("/", validate("query", pageQuery, "invalid_audit_filter"), async (c) => {
      const query = c.req.valid("query");
      const cursor = query.before ? decodeAuditCursor(query.before) : null;
      return c.json(await deps.audit.list(filterOf(query), cursor, query.limit), 200);
    })
    .get("/managers", async (c) => c.json({ managers: await deps.audit.managers() }, 200))
    .get("/export", validate("query", filterQuery, "invalid_audit_filter"), async (c) => {
      const filter = filterOf(c.req.valid("query"));
      const day = new Date().toISOString().slice(0, 10);
      const rows = deps.audit.each(filter)[Symbol.asyncIterator]();
      // The first batch is read before anything is sent: a database that is down is a 503 in our
      // error shape, not an empty file.
      const first = await rows.next();
      const encoder = new TextEncoder();
      let pending: IteratorResult<AuditEntry> | null = first;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // A byte-order mark, so spreadsheets read the UTF-8 as UTF-8 (names, reasons in any script).
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(CSV_HEADER)}`));
        },
        async pull(controller) {
          try {
            const next = pending ?? (await rows.next());
            pending = null;
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(csvLine(next.value)));
          } catch (error) {
            // Failing the body breaks the download: a file cut short never looks complete.
            controller.error(error);
          }
        },
        async cancel() {
          await rows.return?.(undefined);
        },
      });
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
        "cache-control": "no-store",
      });
    });
}
