import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANAGERS_SQL, MAX_MANAGERS } from "../manager/audit-log.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// The audit log's reads over HTTP against real Postgres: keyset pages (boundaries, ties in the same
// microsecond, batches of the export), filters by manager, member and days in the program's time
// zone, the CSV export (headers, quoting, formula cells neutralised), and 400s that name the field.

let system: TestSystem;
let manager: Agent;
beforeAll(async () => {
  // Days start at midnight in New York here, so the day filter is tested away from UTC.
  system = await startTestSystem({ PROGRAM_TIME_ZONE: "America/New_York" });
  manager = await system.signIn("morgan");
  const db = system.bff.db;
  const insert = (at: string, sub: string, name: string | null, member: string, reason: string) =>
    db.query(
      `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
       values ($1, $2, $3, 'preview_member', 'third_party_id', $4, $5)`,
      [at, sub, name, member, reason],
    );
  // morgan → ava: 7 entries a minute apart on 2024-03-05 (UTC), then 3 in the very same microsecond.
  for (let i = 0; i < 7; i++) {
    await insert(`2024-03-05T12:0${i}:00.000001Z`, "morgan", "Morgan", "ava", `ticket ${i}`);
  }
  for (const n of [7, 8, 9])
    await insert("2024-03-05T13:00:00.123456Z", "morgan", "Morgan", "ava", `tie ${n}`);
  // pat → ben, either side of midnight in New York (05:00 UTC in winter).
  await insert("2024-03-09T04:59:59.999999Z", "pat", "Pat", "ben", "late on the 8th in New York");
  await insert("2024-03-09T05:00:00Z", "pat", "Pat", "ben", "first thing on the 9th in New York");
  // Text a spreadsheet would run, and text that needs quoting.
  await insert(
    "2024-04-01T10:00:00Z",
    "eve",
    "=cmd|' /C calc'!A0",
    "@ava",
    '=HYPERLINK("http://evil.test","x")',
  );
  await insert("2024-04-01T10:00:01Z", "eve", null, "+1 212 555 0101", 'a, "quoted"\nsecond line');
  await insert("2024-04-01T10:00:02Z", "eve", null, "-ava", "@SUM(A1:A9)");
  // A preview by email records it in lower case.
  await insert("2024-03-10T12:00:00Z", "pat", "Pat", "dana@example.com", "by email, mixed case typed");
  // A formula after a separator a spreadsheet may split on (";" locales) or a line break.
  await insert("2024-04-01T10:00:03Z", "eve", null, "cara", "Support ticket 4711;=1+1;\nticket 42\n=1+1;");
  // Enough for three export batches (500 each).
  await db.query(
    `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
     select timestamptz '2023-01-01' + n * interval '1 second', 'bulk', 'Bulk', 'preview_member',
            'third_party_id', 'member-' || n, 'bulk ' || n
     from generate_series(1, 1203) as n`,
  );
});
afterAll(() => system?.close());

type Page = {
  entries: { id: string; reason: string; at: string; managerSub: string }[];
  next: string | null;
};

async function page(query: string): Promise<Page> {
  const response = await manager.get(`/api/manager/audit?${query}`);
  expect(response.status, query).toBe(200);
  return response.json<Page>();
}

/** Every page of a filter, following `next`. */
async function walk(filter: string, limit: number) {
  const pages: Page[] = [];
  let before: string | null = null;
  do {
    const current: Page = await page(`${filter}&limit=${limit}${before ? `&before=${before}` : ""}`);
    pages.push(current);
    before = current.next;
  } while (before && pages.length < 100);
  return pages;
}

async function idsInDbOrder(where: string) {
  const rows = await system.bff.db.query<{ entry: string }>(
    `select id::text as entry from audit_log where ${where} order by at desc, id desc`,
  );
  return rows.map((row) => row.entry);
}

describe("the audit log, a page at a time", () => {
  it("pages newest first with no entry lost or repeated, ties in one microsecond included", async () => {
    const expected = await idsInDbOrder("manager_sub = 'morgan'");
    expect(expected).toHaveLength(10);
    for (const limit of [1, 2, 3, 4, 9, 10, 11]) {
      const pages = await walk("manager=morgan", limit);
      expect(
        pages.flatMap((p) => p.entries.map((e) => e.id)),
        `limit ${limit}`,
      ).toEqual(expected);
      // The last page says so; an exact multiple ends without an empty page after it.
      expect(pages.at(-1)?.next, `limit ${limit}`).toBeNull();
      expect(pages.length, `limit ${limit}`).toBe(Math.ceil(10 / limit));
      expect(pages.every((p) => p.entries.length > 0)).toBe(true);
    }
    const [first] = await walk("manager=morgan", 10);
    expect(first?.entries.slice(0, 3).map((e) => e.reason)).toEqual(["tie 9", "tie 8", "tie 7"]);
  });

  it("filters by manager, by member, and by days in the program's time zone", async () => {
    expect((await page("member=ben")).entries.map((e) => e.reason)).toEqual([
      "first thing on the 9th in New York",
      "late on the 8th in New York",
    ]);
    expect((await page("member=ben&from=2024-03-09")).entries.map((e) => e.reason)).toEqual([
      "first thing on the 9th in New York",
    ]);
    expect((await page("member=ben&to=2024-03-08")).entries.map((e) => e.reason)).toEqual([
      "late on the 8th in New York",
    ]);
    expect((await page("from=2024-03-08&to=2024-03-08")).entries.map((e) => e.managerSub)).toEqual(["pat"]);
    // One day, both ends included: the 5th in New York holds all of morgan's.
    expect((await page("manager=morgan&from=2024-03-05&to=2024-03-05")).entries).toHaveLength(10);
    expect((await page("manager=morgan&member=ben")).entries).toEqual([]);
    // An email is matched in lower case, as the preview records it; other ids exactly.
    expect((await page("member=Dana@Example.COM")).entries.map((e) => e.reason)).toEqual([
      "by email, mixed case typed",
    ]);
    expect((await page("member=BEN")).entries).toEqual([]);
    // Blank fields are no filter, as an empty form sends them.
    const blank = await page("manager=&member=%20&from=&to=&limit=5");
    expect(blank.entries).toHaveLength(5);
    expect(blank.entries[0]?.managerSub).toBe("eve");
  });

  it("lists each manager with the name of their latest entry, by a walk of the manager index", async () => {
    const db = system.bff.db;
    // Renamed: the older entry's name sorts last, the newer one is the name now.
    for (const [at, name] of [
      ["2024-01-01T00:00:00Z", "Zed Old"],
      ["2024-02-01T00:00:00Z", "Alex New"],
    ]) {
      await db.query(
        `insert into audit_log (at, manager_sub, manager_name, action, member_id_type, member_id, reason)
         values ($1, 'renamed', $2, 'preview_member', 'third_party_id', 'x', 'renamed manager')`,
        [at, name],
      );
    }
    const response = await manager.get("/api/manager/audit/managers");
    const { managers } = response.json<{ managers: { sub: string; name: string | null }[] }>();
    expect(managers.filter((m) => m.sub === "renamed")).toEqual([{ sub: "renamed", name: "Alex New" }]);
    // Every manager once, ordered by name; the ones without a name last.
    const subs = await db.query<{ manager_sub: string }>("select distinct manager_sub from audit_log");
    expect(managers.map((m) => m.sub).sort()).toEqual(subs.map((r) => r.manager_sub).sort());
    expect(managers.map((m) => m.name)).toEqual(
      [...managers.map((m) => m.name)].sort((a, b) =>
        a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
      ),
    );
    // The plan probes the manager index and never reads the whole table.
    await db.query("analyze audit_log");
    const plan = (await db.query<{ "QUERY PLAN": string }>(`explain ${MANAGERS_SQL}`, [MAX_MANAGERS]))
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    expect(plan).toContain("audit_log_manager_at_id_idx");
    expect(plan).not.toMatch(/Seq Scan on audit_log/);
    // Bounded: a limit of 2 lists 2.
    expect(await db.query(MANAGERS_SQL, [2])).toHaveLength(2);
  });

  it("lists the managers who have entries, to filter by", async () => {
    const response = await manager.get("/api/manager/audit/managers");
    expect(response.json()).toEqual({
      managers: expect.arrayContaining([
        { sub: "morgan", name: "Morgan" },
        { sub: "pat", name: "Pat" },
        { sub: "bulk", name: "Bulk" },
      ]),
    });
  });

  it.each([
    ["from=2024-02-30", "from must be a day"],
    ["from=yesterday", "from must be a day"],
    ["to=2024-13-01", "to must be a day"],
    // Postgres has no year 0 (and a day before 1900 is no audit entry's): a 400, not a 500.
    ["from=0000-01-01", "from must be a day"],
    ["to=0000-01-01", "to must be a day"],
    ["from=1899-12-31", "from must be a day"],
    ["from=2024-03-09&to=2024-03-08", "to must be the same day as from or later"],
    ["limit=0", "limit must be"],
    ["limit=201", "limit must be"],
    ["limit=2.5", "limit must be a whole number"],
    ["limit=ten", "limit must be"],
    ["before=abc", "before must be the `next` value"],
    ["before=1.2.3", "before must be the `next` value"],
    ["before=1.99999999999999999999", "before must be the `next` value"],
    ["member=a%00b", "member contains a control character"],
    [`manager=${"x".repeat(256)}`, "manager can be at most 255 characters"],
  ])("refuses %s with 400 naming the field", async (query, message) => {
    const response = await manager.get(`/api/manager/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: "invalid_audit_filter",
        message: expect.stringContaining(message),
        requestId: expect.any(String),
      },
    });
  });
});

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      cell += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  expect(cell).toBe("");
  expect(row).toEqual([]);
  return rows;
}

describe("the audit log as CSV", () => {
  it("is a download with a CSV type and a file name, and neutralises formula cells", async () => {
    // Read as bytes: a decoder (the agent's text()) would swallow the byte-order mark.
    const raw = await fetch(new URL("/api/manager/audit/export?manager=eve", system.portalUrl), {
      headers: { cookie: `__Host-portal.sid=${manager.cookie("__Host-portal.sid")}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const response = await manager.get("/api/manager/audit/export?manager=eve");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual([
      "time (UTC)",
      "manager",
      "manager name",
      "action",
      "member id type",
      "member id",
      "reason",
      "entry id",
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [
        "2024-04-01T10:00:03.000Z",
        "eve",
        "",
        "preview_member",
        "third_party_id",
        "cara",
        "Support ticket 4711;'=1+1;\nticket 42\n'=1+1;",
      ],
      ["2024-04-01T10:00:02.000Z", "eve", "", "preview_member", "third_party_id", "'-ava", "'@SUM(A1:A9)"],
      [
        "2024-04-01T10:00:01.000Z",
        "eve",
        "",
        "preview_member",
        "third_party_id",
        "'+1 212 555 0101",
        'a, "quoted"\nsecond line',
      ],
      [
        "2024-04-01T10:00:00.000Z",
        "eve",
        "'=cmd|' /C calc'!A0",
        "preview_member",
        "third_party_id",
        "'@ava",
        `'=HYPERLINK("http://evil.test","x")`,
      ],
    ]);
    // No cell of any row starts a formula, nor does any piece a spreadsheet may split a cell into.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/(^|[;\t\r\n])\s*[=+\-@]/);
  });

  it("exports every entry the filter matches, newest first, across batches", async () => {
    const response = await manager.get("/api/manager/audit/export?manager=bulk");
    const rows = parseCsv(response.text).slice(1);
    expect(rows).toHaveLength(1203);
    expect(rows.map((r) => r[7])).toEqual(await idsInDbOrder("manager_sub = 'bulk'"));
    expect(new Set(rows.map((r) => r[7])).size).toBe(1203);
  });

  it("takes the same filters, and refuses bad ones with 400 before any CSV", async () => {
    const ben = parseCsv((await manager.get("/api/manager/audit/export?member=ben&from=2024-03-09")).text);
    expect(ben.slice(1).map((r) => r[6])).toEqual(["first thing on the 9th in New York"]);
    for (const [query, field] of [
      ["from=2024-02-30", "from"],
      ["from=0000-01-01", "from"],
      ["to=0000-01-01", "to"],
    ] as const) {
      const bad = await manager.get(`/api/manager/audit/export?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.headers.get("content-type")).toContain("application/json");
      expect(bad.json()).toMatchObject({
        error: { code: "invalid_audit_filter", message: expect.stringMatching(new RegExp(`^${field} `)) },
      });
    }
  });
});
