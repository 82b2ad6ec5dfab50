import { type AlidaClient, createAlidaClient } from "@portal/alida/client";
import { type CrowdTwistClient, createCrowdTwistClient } from "@portal/crowdtwist/client";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import { createUpstreamResilience, type UpstreamResilience } from "../upstream/resilience.ts";
import { resilientCrowdTwist } from "../upstream/resilient-crowdtwist.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "./sandbox.ts";

// The real sandbox with the BFF's real upstream clients pointed at it, as bff.ts wires them (a
// resilient CrowdTwist client, an Alida client and the Alida resilience), for tests of the services
// that read upstreams without the whole BFF around them. Backoffs are short; no breaker trips early.

export const TEST_ALIDA_CLIENT_SECRET = "test-alida-client-secret";

export interface TestUpstreams {
  sandbox: TestSandbox;
  metrics: Metrics;
  crowdtwist: CrowdTwistClient;
  crowdtwistResilience: UpstreamResilience;
  alida: AlidaClient;
  alidaResilience: UpstreamResilience;
  close(): Promise<void>;
}

export async function startTestUpstreams(): Promise<TestUpstreams> {
  const sandbox = await startTestSandbox({ ALIDA_CLIENT_SECRET: TEST_ALIDA_CLIENT_SECRET });
  const metrics = createMetrics({ defaultMetrics: false });
  const resilience = (upstream: "crowdtwist" | "alida") =>
    createUpstreamResilience({ upstream, metrics, initialDelayMs: 1, maxDelayMs: 5, breakerThreshold: 50 });
  const crowdtwistResilience = resilience("crowdtwist");
  const alidaResilience = resilience("alida");
  const crowdtwistClient = createCrowdTwistClient({
    baseUrl: sandbox.url,
    apiKey: SANDBOX_API_KEY,
    timeoutMs: 2_000,
  });
  const alida = createAlidaClient({
    baseUrl: sandbox.url,
    tokenUrl: `${sandbox.url}/oauth/token`,
    communityApiKeyName: "demo-community",
    clientId: "portal-bff",
    clientSecret: TEST_ALIDA_CLIENT_SECRET,
    timeoutMs: 2_000,
  });
  return {
    sandbox,
    metrics,
    crowdtwist: resilientCrowdTwist(crowdtwistClient, crowdtwistResilience),
    crowdtwistResilience,
    alida,
    alidaResilience,
    async close() {
      await crowdtwistClient.close();
      await alida.close();
      await sandbox.close();
    },
  };
}
