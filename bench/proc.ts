import { readdirSync, readFileSync } from "node:fs";

// What other processes use, read from /proc (Linux): memory of a process or a process tree, CPU time.

export interface ProcessMemory {
  /** Proportional set size: shared pages (shared_buffers, the binary) split among the processes. */
  pss: number;
  rss: number;
  processes: number;
}

/** PSS and RSS of one process, in bytes, from /proc/<pid>/smaps_rollup. */
export function processMemory(pid: number): ProcessMemory {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
  return { pss: kb("Pss") * 1024, rss: kb("Rss") * 1024, processes: 1 };
}

/** A process and its children (for PostgreSQL: the postmaster, its backends and workers), summed. */
export function treeMemory(parentPid: number): ProcessMemory {
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parentPid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
  const total = { pss: 0, rss: 0, processes: 0 };
  for (const pid of [parentPid, ...children]) {
    try {
      const one = processMemory(pid);
      total.pss += one.pss;
      total.rss += one.rss;
      total.processes += 1;
    } catch {
      // a backend that ended while we read
    }
  }
  return total;
}

/** CPU time (user + system) a process has used, in ms. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
