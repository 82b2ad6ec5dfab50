import { Counter, Histogram } from "prom-client";
import type { Metrics } from "../observability/metrics.ts";

// Live Push on the app's own registry: how late pushes arrive, and what became of each delivery.

export type AuthFailureReason = "ip_not_allowed" | "bad_credentials";
export type ValidationFailureReason =
  | "content_type"
  | "too_large"
  | "malformed_json"
  | "schema"
  | "out_of_range"
  | "unsafe_text"
  | "future_dated"
  | "unstorable"
  | "no_member_id";

export interface LivePushMetrics {
  /** Receive time minus the profile's dateLastUpdated, in seconds. */
  readonly lag: Histogram;
  readonly accepted: Counter;
  readonly duplicates: Counter;
  readonly outOfOrder: Counter;
  readonly authFailures: Counter<"reason">;
  readonly validationFailures: Counter<"reason">;
}

export function createLivePushMetrics(metrics: Pick<Metrics, "registry">): LivePushMetrics {
  const registers = [metrics.registry];
  return {
    lag: new Histogram({
      name: "live_push_lag_seconds",
      help: "Time from a profile's dateLastUpdated to its arrival at the webhook.",
      // dateLastUpdated has one-second resolution, so nothing finer than a second is meaningful.
      buckets: [1, 2, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400],
      registers,
    }),
    accepted: new Counter({
      name: "live_push_accepted_total",
      help: "Profiles stored (new, newer, or same second with different content).",
      registers,
    }),
    duplicates: new Counter({
      name: "live_push_duplicates_total",
      help: "Redeliveries of the profile already stored: acknowledged, nothing written.",
      registers,
    }),
    outOfOrder: new Counter({
      name: "live_push_out_of_order_total",
      help: "Profiles older than the stored one: acknowledged and dropped.",
      registers,
    }),
    authFailures: new Counter({
      name: "live_push_auth_failures_total",
      help: "Deliveries refused before reading the body: source IP not allowed or bad credentials.",
      labelNames: ["reason"] as const,
      registers,
    }),
    validationFailures: new Counter({
      name: "live_push_validation_failures_total",
      help: "Deliveries refused for their body: content type, size, JSON, schema, a number or date out of range, NUL or unpaired surrogate text, dated over a day ahead, refused by the database, or no member id.",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
}
