import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { PRUNE_HISTORY } from "./history-retention.ts";
import { createMemberActivityState } from "./member-activity-state.ts";
import { createPointsHistory } from "./points-history.ts";

// The points history at scale: 1,000,000 rows, 10,000 of them one member's, made by generate_series
// in the test database (300 an hour, from 1 January 2024 to mid-May; one in thirteen of the member's a redemption). Each query a member's page makes is served by an index and never sorts, and
// walking the member's whole history a page at a time gives every entry once, newest first.

const ROWS = 1_000_000;
const HEAVY = "heavy-member";

let store: TestDatabase;
beforeAll(async () => {
  store = await openTestDatabase();
  // Every 100th row is the heavy member's (10,000); the rest spread over ~100,000 members. Times are
  // whole hours, so the heavy member has entries that share a time (the keyset's tiebreak).
  await store.db.exec(`
    insert into member_activity_history
      (user_activity_id, member_key, activity_id, points, occurred_at, activity_name, received_at)
    select g::text,
           case when g % 100 = 0 then '${HEAVY}' else 'member-' || (g % 99991) end,
           (100 + (g / 7) % 25)::text,
           case when g % 1300 = 0 then -300 else 25 end,
           timestamptz '2024-01-01 00:00:00+00' + (g / 300) * interval '1 hour',
           'activity ' || (100 + (g / 7) % 25),
           timestamptz '2024-01-01 00:00:00+00' + (g / 300) * interval '1 hour' + interval '5 minutes'
      from generate_series(1, ${ROWS}) as g;
    analyze member_activity_history;`);
}, 300_000);
afterAll(() => store?.close());

/** Every node of an EXPLAIN (FORMAT JSON) plan. */
function nodes(plan: Record<string, unknown>): Record<string, unknown>[] {
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [plan, ...children.flatMap(nodes)];
}
async function explain(sql: string, params: unknown[]) {
  const [row] = await store.db.query<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }>(
    `explain (format json) ${sql}`,
    params,
  );
  const plan = nodes(row?.["QUERY PLAN"][0].Plan ?? {});
  return {
    types: plan.map((node) => String(node["Node Type"])),
    indexes: plan.flatMap((node) => (node["Index Name"] ? [String(node["Index Name"])] : [])),
  };
}

// The page query as the history reads it (points-history.ts), first page and a later one.
const PAGE = `
select h.id, h.user_activity_id, h.occurred_at
  from member_activity_history h
  left join member_redemptions r on h.points < 0 and r.order_id = h.reference_id and r.member_key = h.member_key
 where h.member_key = $1 %CURSOR%
 order by h.occurred_at desc, h.id desc
 limit 21`;

describe(`the points history among ${ROWS.toLocaleString("en")} rows`, () => {
  it("holds them, 10,000 of them the heavy member's", async () => {
    const [count] = await store.db.query<{ all: string; heavy: string }>(
      "select count(*) as all, count(*) filter (where member_key = $1) as heavy from member_activity_history",
      [HEAVY],
    );
    expect(count).toEqual({ all: String(ROWS), heavy: "10000" });
  });

  it("reads a page by the (member, time, id) index, without sorting, first page or later", async () => {
    const first = await explain(PAGE.replace("%CURSOR%", ""), [HEAVY]);
    expect(first.indexes).toContain("member_activity_history_member_idx");
    expect(first.types).not.toContain("Sort");
    expect(first.types).not.toContain("Seq Scan");
    const later = await explain(
      PAGE.replace(
        "%CURSOR%",
        "and (h.occurred_at, h.id) < (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::bigint)",
      ),
      [HEAVY, String(Date.UTC(2024, 6, 1) * 1000), "500000"],
    );
    expect(later.indexes).toContain("member_activity_history_member_idx");
    expect(later.types).not.toContain("Sort");
    expect(later.types).not.toContain("Seq Scan");
  });

  it("counts a member's completions in a period by the (member, activity, time) index", async () => {
    const plan = await explain(
      `select count(*) from member_activity_history h
        where h.member_key = $1 and h.activity_id = $2 and h.occurred_at >= $3 and h.points >= 0`,
      [HEAVY, "100", new Date("2024-04-01T00:00:00Z")],
    );
    expect(plan.indexes).toContain("member_activity_history_activity_idx");
    const state = createMemberActivityState({ db: store.db, timeZone: "UTC" });
    const details = new Map([
      [
        "100",
        {
          publicTitle: "",
          publicDescription: "",
          frequency: { cap: 5, periodId: "9", periodName: null, requiredAttempts: null },
          pointsOnClick: false,
          redirectUrl: null,
          channelId: null,
          segment: null,
          alidaActivityId: null,
        },
      ],
    ]);
    // The data spans 1 January to mid-May 2024; 30 days back from 20 May.
    const read = await state.read(HEAVY, details, new Date("2024-05-20T00:00:00Z"));
    const [expected] = await store.db.query<{ n: string }>(
      `select count(*) as n from member_activity_history
        where member_key = $1 and activity_id = '100' and points >= 0
          and occurred_at >= timestamptz '2024-05-20 00:00:00+00' - interval '30 days'`,
      [HEAVY],
    );
    expect(Number(expected?.n)).toBeGreaterThan(0);
    expect(read.completionsInPeriod.get("100")).toBe(Number(expected?.n));
  });

  // The statement itself, not only its inner select: the batch is found by the (received_at) index and
  // deleted through the primary key, never by scanning the table.
  it("prunes by the (received_at) index and the primary key, without sorting or scanning", async () => {
    const plan = await explain(`${PRUNE_HISTORY} returning 1`, [new Date("2024-02-01T00:00:00Z"), 5000]);
    expect(plan.indexes).toContain("member_activity_history_received_idx");
    expect(plan.indexes).toContain("member_activity_history_pkey");
    expect(plan.types).not.toContain("Sort");
    expect(plan.types).not.toContain("Seq Scan");
  });

  it("walks the heavy member's 10,000 entries a page at a time: each once, newest first", async () => {
    const history = createPointsHistory({
      db: store.db,
      // Titles are not what this measures: no activity is described.
      catalog: { details: async () => ({ details: new Map(), complete: true }) },
    });
    const seen = new Set<string>();
    let previous: { at: number; id: bigint } | null = null;
    let cursor = null;
    let pages = 0;
    for (;;) {
      const page = await history.page(HEAVY, cursor, 100);
      pages += 1;
      for (const entry of page.entries) {
        expect(seen.has(entry.id)).toBe(false);
        seen.add(entry.id);
        const at = Date.parse(entry.at);
        const id = BigInt(entry.id);
        // Newest first; at the same time, the later row first (ids here grow with time).
        if (previous) expect(at < previous.at || (at === previous.at && id < previous.id)).toBe(true);
        previous = { at, id };
      }
      if (page.next === null) break;
      const [micros, rowId] = page.next.split(".");
      cursor = { atMicros: BigInt(micros ?? "0"), id: BigInt(rowId ?? "0") };
      expect(pages).toBeLessThan(200);
    }
    expect(seen.size).toBe(10_000);
    expect(pages).toBe(100);
  }, 120_000);
});
