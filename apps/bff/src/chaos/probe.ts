import type { Agent } from "@portal/sandbox/testing/agent";

// Members using the portal through a fault: each keeps loading their page's two API calls, as the
// web app does, and every answer's status, time and freshness is recorded. A request the portal
// has not answered after `abandonAfterMs` is given up and recorded as such — the bound the tests
// check is far below it, so a hang shows up as a number, not as a stuck test.

export interface Member {
  name: string;
  agent: Agent;
}

export interface Sample {
  member: string;
  path: string;
  status: number;
  ms: number;
  degraded: boolean | null;
}

interface ActivitiesBody {
  enrolled?: boolean;
  freshness?: { degraded: boolean; fetchedAt: string } | null;
}

const PATHS = ["/api/me", "/api/me/activities"] as const;

async function sample(member: Member, path: string, abandonAfterMs: number): Promise<Sample> {
  const startedAt = performance.now();
  try {
    const response = await member.agent.request("GET", path, { signal: AbortSignal.timeout(abandonAfterMs) });
    const degraded =
      path === "/api/me/activities" && response.status === 200
        ? (response.json<ActivitiesBody>().freshness?.degraded ?? null)
        : null;
    return {
      member: member.name,
      path,
      status: response.status,
      ms: performance.now() - startedAt,
      degraded,
    };
  } catch {
    // Refused (the process is down) or abandoned (no answer in time): status 0 either way.
    return { member: member.name, path, status: 0, ms: performance.now() - startedAt, degraded: null };
  }
}

export interface Probe {
  /** Stops after the requests in flight have settled; returns every sample. */
  stop(): Promise<Sample[]>;
}

/** Every member loads their page every `intervalMs` until stopped. */
export function probe(members: Member[], { intervalMs = 400, abandonAfterMs = 10_000 } = {}): Probe {
  const samples: Sample[] = [];
  let running = true;
  const loops = members.map(async (member) => {
    while (running) {
      samples.push(...(await Promise.all(PATHS.map((path) => sample(member, path, abandonAfterMs)))));
      await new Promise((done) => setTimeout(done, intervalMs));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

export const slowest = (samples: Sample[]) =>
  samples.reduce<Sample | null>((worst, s) => (worst && worst.ms >= s.ms ? worst : s), null);

/**
 * Waits until every member's page is whole again: `/api/me` answers and `/api/me/activities` is
 * fresh (not degraded). Resolves to the seconds it took; throws with the last answers after `withinMs`.
 */
export async function everyoneFresh(members: Member[], withinMs: number): Promise<number> {
  const startedAt = performance.now();
  const pending = new Set(members.map((m) => m.name));
  let last: Sample[] = [];
  while (performance.now() - startedAt < withinMs) {
    last = (
      await Promise.all(
        members
          .filter((m) => pending.has(m.name))
          .map(async (m) => Promise.all(PATHS.map((path) => sample(m, path, 10_000)))),
      )
    ).flat();
    for (const member of members) {
      const mine = last.filter((s) => s.member === member.name);
      if (mine.length === 2 && mine.every((s) => s.status === 200) && mine.some((s) => s.degraded === false))
        pending.delete(member.name);
    }
    if (pending.size === 0) return (performance.now() - startedAt) / 1000;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(
    `not fresh within ${withinMs / 1000} s: ${[...pending].join(", ")}; last answers: ${JSON.stringify(last)}`,
  );
}
