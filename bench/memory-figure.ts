import type { BffHandlers } from "./bff-process.ts";
import {
  ACTIVITIES_PATH,
  type Bff,
  type BffReady,
  check,
  cookie,
  createSessions,
  fmt,
  log,
  mb,
  notes,
  rows,
  type Sandbox,
  sleep,
  startBff,
} from "./common.ts";
import { load } from "./load.ts";
import { benchUsername } from "./members.ts";
import type { BenchPostgres } from "./postgres.ts";
import { processMemory, treeMemory } from "./proc.ts";

// Figure 4: what one BFF and its database hold with many sessions and many members' activities
// cached. The BFF's RSS after full collections (it reports it itself) plus the PSS of every process
// of its PostgreSQL (postmaster and children): PSS, because the backends share shared_buffers and
// the binary, which their RSS would each count in full.

type MemoryUsage = Awaited<ReturnType<BffHandlers["memory"]>>;

interface Snapshot {
  bff: MemoryUsage;
  bffPss: number;
  pg: ReturnType<typeof treeMemory>;
  /** BFF RSS + Postgres PSS. */
  total: number;
}

async function snapshot(bff: Bff, postgres: BenchPostgres): Promise<Snapshot> {
  const usage = await bff.call("memory");
  const pg = treeMemory(postgres.postmasterPid());
  return { bff: usage, bffPss: processMemory(bff.pid).pss, pg, total: usage.rss + pg.pss };
}

const parts = (s: Snapshot) =>
  `BFF rss ${fmt(mb(s.bff.rss))} (pss ${fmt(mb(s.bffPss))}), V8 heap ${fmt(mb(s.bff.heapUsed))} used of ${fmt(mb(s.bff.heapTotal))}, external ${fmt(mb(s.bff.external))} (array buffers ${fmt(mb(s.bff.arrayBuffers))}) MB; Postgres ${s.pg.processes} processes pss ${fmt(mb(s.pg.pss))} MB (rss summed ${fmt(mb(s.pg.rss))} MB)`;

export interface MemoryFigure {
  /** Bytes (BFF RSS + Postgres PSS) each cached member added. */
  perMember: number;
  total: number;
}

/** How long the bench lets the instance rest after the fill before it reads what it holds. */
const REST_MS = 25_000;

export async function memory(
  sandbox: Sandbox,
  postgres: BenchPostgres,
  options: { figure: string; program: string; budgets: boolean; members: number },
): Promise<MemoryFigure> {
  // Started as `npm start` starts it (no --expose-gc): every reading is what `ps` or a container's
  // memory limit sees, with no collection forced by the bench.
  const bff = await startBff(sandbox, await postgres.createDatabase());
  try {
    const { url } = bff.ready as BffReady;
    const atStart = await snapshot(bff, postgres);
    const usernames = Array.from({ length: options.members }, (_, i) => benchUsername(i));
    log(`memory (${options.program}): ${options.members} sessions`);
    const sessionIds = await createSessions(bff, usernames);
    const withSessions = await snapshot(bff, postgres);
    log(`memory (${options.program}): ${options.members} members into the cache`);
    await sandbox.call("reset");
    let turn = 0;
    const fill = await load({
      url,
      connections: 10,
      amount: options.members,
      next: () => ({ path: ACTIVITIES_PATH, headers: cookie(sessionIds[turn++ % sessionIds.length] ?? "") }),
    });
    check(fill, "cache fill");
    const upstream = await sandbox.call("requests");
    const metrics = await bff.call("metrics");
    const busy = await snapshot(bff, postgres);
    // What the instance holds once the burst is over: the heap the fill's garbage grew is given back
    // after a quiet spell (V8's memory reducer starts 8 s after the load stops; memory-release.ts looks
    // every 10 s), as `npm start` runs it. Right after the fill is in the notes.
    const filledAt = Date.now();
    await sleep(REST_MS);
    const released = await bff.call("lastRelease");
    const filled = await snapshot(bff, postgres);
    const n = fmt(options.members);
    rows.push({
      figure: `${options.figure} memory: ${n} sessions + ${n} cached members${options.budgets ? "" : ` (${options.program})`}`,
      value: `${fmt(mb(filled.total))} MB`,
      baseline: `idle ${fmt(mb(atStart.total))} MB (BFF ${fmt(mb(atStart.bff.rss))} + PG ${fmt(mb(atStart.pg.pss))})`,
      ratio: `BFF ${fmt(mb(filled.bff.rss))} + PG ${fmt(mb(filled.pg.pss))}`,
      budget: options.budgets ? "≤ 250 MB" : "info",
      pass: options.budgets ? mb(filled.total) <= 250 : null,
    });
    notes.push(
      `memory (${options.program}; BFF RSS as ps reads it${filled.bff.gc ? " after forced collections" : ", no collection forced"} + Postgres PSS summed over the postmaster and its children, from /proc/<pid>/smaps_rollup): idle ${parts(atStart)}; with ${n} sessions ${parts(withSessions)}; with the cache filled, right after the fill ${parts(busy)}, then at rest ${REST_MS / 1000} s later ${parts(filled)} (${released && released.at >= filledAt ? `the instance's own release ran: ${fmt(mb(released.rssBefore))} → ${fmt(mb(released.rssAfter))} MB RSS in ${Math.round(released.ms)} ms` : "no release by the instance: what went back, V8 returned by itself"}); fill: ${fill.ok} 2xx, ${upstream} upstream calls, cache misses ${metrics.events.miss ?? 0}`,
    );
    // Growth per member is read as the sessions' figure was, straight after the work (both carry the
    // work's garbage alike); the budget above is read at rest.
    return { perMember: (busy.total - withSessions.total) / options.members, total: filled.total };
  } finally {
    await bff.stop();
  }
}
