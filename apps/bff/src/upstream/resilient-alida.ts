import type { AlidaClient } from "@portal/alida/client";
import type { UpstreamResilience } from "./resilience.ts";

// The Alida client with every call under the upstream's retry, breaker and deadline. Each client
// call (a token fetch and one GET) is one `execute`, so a cached loader reading through it never
// nests breaker calls.

export function resilientAlida(client: AlidaClient, resilience: UpstreamResilience): AlidaClient {
  return {
    getActivity: ((id: string, options: { signal?: AbortSignal | undefined } = {}) =>
      resilience.execute(
        { operation: "alida_activity", idempotent: true, signal: options.signal },
        (signal) =>
          (client.getActivity as (id: string, options: object) => Promise<unknown>)(id, {
            ...options,
            signal,
          }),
      )) as AlidaClient["getActivity"],
    getActivitySummary: (activityOrHref, options = {}) =>
      resilience.execute({ operation: "alida_summary", idempotent: true, signal: options.signal }, (signal) =>
        client.getActivitySummary(activityOrHref, { ...options, signal }),
      ),
    close: () => client.close(),
  };
}
