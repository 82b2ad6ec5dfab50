import { parseSandboxEnv } from "@portal/sandbox/env";
import type { FaultRule } from "@portal/sandbox/faults/faults";
import { type RunningSandbox, startSandbox } from "@portal/sandbox/start";

// The real sandbox (CrowdTwist, Alida, sign-in, Live Push) on a free loopback port, for tests.

export const SANDBOX_API_KEY = "k-0123456789";

export type SandboxUpstream = "crowdtwist" | "alida";
export type FaultInput = Partial<Omit<FaultRule, "target">> & { target: SandboxUpstream };

export interface TestSandbox {
  url: string;
  sandbox: RunningSandbox;
  /** Adds a fault rule; omitted fields take the sandbox's defaults. */
  fault(rule: FaultInput): void;
  clearFaults(): void;
  /** Requests that reached the sandbox for this upstream since the last `resetRequests`. */
  requests(upstream?: SandboxUpstream): number;
  resetRequests(): void;
  /** Header names of the last request that reached this upstream. */
  lastHeaderNames(upstream?: SandboxUpstream): string[];
  close(): Promise<void>;
}

export async function startTestSandbox(env: Record<string, string> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox(
    parseSandboxEnv({
      CROWDTWIST_API_KEY: SANDBOX_API_KEY,
      SANDBOX_PORT: "0",
      // Port 9 (discard) on loopback: nothing listens unless a test points Live Push elsewhere.
      LIVE_PUSH_URL: "http://127.0.0.1:9/unused",
      ...env,
    }),
  );
  const { faults } = sandbox;
  return {
    url: sandbox.url,
    sandbox,
    fault: (rule) => faults.add({ latencyMs: 0, status: null, hang: false, times: null, ...rule }),
    clearFaults: () => faults.clear(),
    requests: (upstream = "crowdtwist") => faults.stats().requests[upstream],
    resetRequests: () => faults.resetStats(),
    lastHeaderNames: (upstream = "crowdtwist") => faults.stats().lastHeaderNames[upstream],
    close: () => {
      faults.clear();
      return sandbox.close();
    },
  };
}
