import { Counter, Histogram } from "prom-client";
import type { Metrics } from "../observability/metrics.ts";
import type { FeedName } from "./feeds/feed-names.ts";

// Live Push on the app's own registry: how late pushes arrive, and what became of each delivery.
// The profile feed's metrics keep their names; the other Data Push feeds have the same ones under
// `live_push_feed_*`, labelled by `feed` (docs/decisions/0030).

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

/** What one feed's webhook counts: the profile's metrics, or another feed's bound to its label. */
export interface FeedMetricsView {
  readonly lag: { observe(seconds: number): void };
  readonly accepted: { inc(): void };
  readonly duplicates: { inc(): void };
  readonly outOfOrder: { inc(): void };
  readonly authFailures: { inc(labels: { reason: AuthFailureReason }): void };
  readonly validationFailures: { inc(labels: { reason: ValidationFailureReason }): void };
}

export type FeedLabel = FeedName;

/** The Data Push feeds beyond the profile: one family of metrics, a view per feed. */
export function createFeedMetrics(metrics: Pick<Metrics, "registry">): (feed: FeedLabel) => FeedMetricsView {
  const registers = [metrics.registry];
  const lag = new Histogram({
    name: "live_push_feed_lag_seconds",
    help: "Time from a Data Push message's own date (completion, order, message, change) to its arrival.",
    labelNames: ["feed"] as const,
    buckets: [1, 2, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400],
    registers,
  });
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ["feed"] as const, registers });
  const accepted = counter("live_push_feed_accepted_total", "Data Push messages stored (new, or newer).");
  const duplicates = counter(
    "live_push_feed_duplicates_total",
    "Redeliveries of a Data Push message already stored: acknowledged, nothing written.",
  );
  const outOfOrder = counter(
    "live_push_feed_out_of_order_total",
    "Data Push messages that lose to what is stored (expirations, segment changes: older, or at the same instant lower in content order): acknowledged, not applied.",
  );
  const authFailures = new Counter({
    name: "live_push_feed_auth_failures_total",
    help: "Data Push deliveries refused before reading the body: source IP not allowed or bad credentials.",
    labelNames: ["feed", "reason"] as const,
    registers,
  });
  const validationFailures = new Counter({
    name: "live_push_feed_validation_failures_total",
    help: "Data Push deliveries refused for their body, by reason (as live_push_validation_failures_total).",
    labelNames: ["feed", "reason"] as const,
    registers,
  });
  return (feed) => ({
    lag: lag.labels({ feed }),
    accepted: accepted.labels({ feed }),
    duplicates: duplicates.labels({ feed }),
    outOfOrder: outOfOrder.labels({ feed }),
    authFailures: { inc: ({ reason }) => authFailures.inc({ feed, reason }) },
    validationFailures: { inc: ({ reason }) => validationFailures.inc({ feed, reason }) },
  });
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
