import { register } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics.ts";

describe("metrics", () => {
  it("gives every app its own registry, so two can live in one process", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.upstreamRetries.inc({ upstream: "crowdtwist", operation: "user_activities" });

    expect(a.registry).not.toBe(register);
    expect(await b.registry.metrics()).not.toContain("upstream_retries_total{");
    expect(await a.registry.metrics()).toContain(
      'upstream_retries_total{upstream="crowdtwist",operation="user_activities"} 1',
    );
    expect(await register.getSingleMetricAsString("upstream_retries_total").catch(() => "")).toBe("");
  });

  it("exposes the upstream, cache and breaker series and the process metrics", async () => {
    const metrics = createMetrics();
    metrics.cacheEvents.inc({ cache: "activities", event: "hit" });
    metrics.circuitBreakerState.set({ upstream: "alida" }, 2);
    metrics.singleFlightJoins.inc({ operation: "activities" }, 3);
    metrics.upstreamRequestDuration.observe(
      { upstream: "alida", operation: "activity", outcome: "ok" },
      0.02,
    );

    const text = await metrics.registry.metrics();
    expect(text).toContain('cache_events_total{cache="activities",event="hit"} 1');
    expect(text).toContain('circuit_breaker_state{upstream="alida"} 2');
    expect(text).toContain('single_flight_joins_total{operation="activities"} 3');
    expect(text).toContain(
      'upstream_request_duration_seconds_bucket{le="0.025",upstream="alida",operation="activity",outcome="ok"} 1',
    );
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
