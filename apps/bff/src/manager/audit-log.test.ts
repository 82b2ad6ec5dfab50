import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { decodeAuditCursor } from "./audit-cursor.ts";
import { type AuditLog, createAuditLog } from "./audit-log.ts";

// The audit log on a real Postgres: what `record` returns, keyset pages that neither skip nor repeat
// an entry (ties in the same microsecond included), the filters (days in the program's zone), the
// batched export, and the managers to filter by.

let database: TestDatabase;
let audit: AuditLog;

const insert = (at: string, sub: string, name: string | null, member: string, reason: string) =>
  database.db.query(
    `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
     values ($1, $2, $3, 'preview_member', 'third_party_id', $4, $5)`,
    [at, sub, name, member, reason],
  );

beforeAll(async () => {
  database = await openTestDatabase();
  // Days start at midnight in New York: 05:00 UTC in March (before the clocks change on the 10th).
  audit = createAuditLog(database.db, "America/New_York");
  await insert("2024-03-05T12:00:00.000001Z", "morgan", "Morgan", "ava", "first");
  // Three in the very same microsecond: only the id orders them.
  for (const n of [1, 2, 3])
    await insert("2024-03-05T13:00:00.123456Z", "morgan", "Morgan", "ava", `tie ${n}`);
  await insert("2024-03-09T04:59:59.999999Z", "pat", "Patricia", "ben", "late on the 8th in New York");
  await insert("2024-03-09T05:00:00Z", "pat", "Pat", "ben", "first thing on the 9th in New York");
  await insert("2024-03-09T12:00:00Z", "morgan", "Morgan", "ben", "midday on the 9th");
});
afterAll(() => database.close());

/** Every entry's reason, newest first, by the table itself. */
const allReasons = async () =>
  (await database.db.query<{ reason: string }>("select reason from audit_log order by at desc, id desc")).map(
    (row) => row.reason,
  );

describe("audit log", () => {
  it("records an entry and returns it as stored, with its id and time", async () => {
    const scratch = await openTestDatabase();
    try {
      const log = createAuditLog(scratch.db);
      const entry = await log.record({
        managerSub: "morgan",
        managerName: null,
        action: "preview_member",
        memberIdType: "email",
        memberId: "ava@example.com",
        reason: "Support ticket 4711",
      });
      // Every field as given: an entry that lost its reason or id type would still be an entry.
      expect(entry).toEqual({
        id: expect.stringMatching(/^\d+$/),
        at: expect.any(Date),
        managerSub: "morgan",
        managerName: null,
        action: "preview_member",
        memberIdType: "email",
        memberId: "ava@example.com",
        reason: "Support ticket 4711",
      });
      expect(Number.isNaN(entry.at.getTime())).toBe(false);
      expect((await log.list()).entries).toEqual([entry]);
    } finally {
      await scratch.close();
    }
  });

  it.each([1, 2, 3, 4, 6, 7])(
    "walks every page of %i entries without skipping or repeating one",
    async (limit) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 20; pages += 1) {
        const page = await audit.list({}, cursor === null ? null : decodeAuditCursor(cursor), limit);
        expect(page.entries.length).toBeLessThanOrEqual(limit);
        seen.push(...page.entries.map((entry) => entry.reason));
        cursor = page.next;
        if (cursor === null) break;
      }
      expect(cursor).toBeNull();
      expect(seen).toEqual(await allReasons());
    },
  );

  it.each([
    [{ managerSub: "pat" }, ["first thing on the 9th in New York", "late on the 8th in New York"]],
    [{ memberId: "ava" }, ["tie 3", "tie 2", "tie 1", "first"]],
    [{ managerSub: "morgan", memberId: "ben" }, ["midday on the 9th"]],
    // Days are the program's: 04:59 UTC on the 9th is still the 8th in New York.
    [{ from: "2024-03-09" }, ["midday on the 9th", "first thing on the 9th in New York"]],
    [{ to: "2024-03-08" }, ["late on the 8th in New York", "tie 3", "tie 2", "tie 1", "first"]],
    [{ from: "2024-03-08", to: "2024-03-08" }, ["late on the 8th in New York"]],
    [{ from: "2024-03-06", to: "2024-03-07" }, []],
    [{ managerSub: "nobody" }, []],
  ])("filters by %o", async (filter, reasons) => {
    expect((await audit.list(filter)).entries.map((entry) => entry.reason)).toEqual(reasons);
  });

  it.each([1, 2, 3, 7, 500])("exports every entry, newest first, in batches of %i", async (batch) => {
    const exported: string[] = [];
    for await (const entry of audit.each({}, batch)) exported.push(entry.reason);
    expect(exported).toEqual(await allReasons());
  });

  it("exports only what the filter keeps", async () => {
    const exported: string[] = [];
    for await (const entry of audit.each({ memberId: "ben" }, 2)) exported.push(entry.reason);
    expect(exported).toEqual([
      "midday on the 9th",
      "first thing on the 9th in New York",
      "late on the 8th in New York",
    ]);
  });

  it("lists each manager once, by the name of their latest entry", async () => {
    expect(await audit.managers()).toEqual([
      { sub: "morgan", name: "Morgan" },
      { sub: "pat", name: "Pat" },
    ]);
  });

  it("names every manager by their latest entry, the first of them too", async () => {
    // Both renamed, the first by sub ("alex") too: the walk's first step and its
    // next steps each pick the latest name.
    const scratch = await openTestDatabase();
    try {
      const entry = (at: string, sub: string, name: string) =>
        scratch.db.query(
          `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
           values ($1, $2, $3, 'preview_member', 'third_party_id', 'ava', 'renamed')`,
          [at, sub, name],
        );
      await entry("2024-03-01T10:00:00Z", "alex", "Alexandra");
      await entry("2024-03-02T10:00:00Z", "alex", "Alex");
      await entry("2024-03-01T11:00:00Z", "zoe", "Zoe");
      await entry("2024-03-02T11:00:00Z", "zoe", "Zoé");
      expect(await createAuditLog(scratch.db).managers()).toEqual([
        { sub: "alex", name: "Alex" },
        { sub: "zoe", name: "Zoé" },
      ]);
    } finally {
      await scratch.close();
    }
  });
});
