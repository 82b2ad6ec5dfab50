import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { LivePushMemberIds } from "@portal/crowdtwist/live-push-feed-values";
import type { Logger } from "pino";
import type { ClusterBus } from "../../cluster/cluster-bus.ts";
import { feedStoredAnnouncement } from "../../cluster/stored-announcements.ts";
import type { Database } from "../../db/database.ts";
import type { Metrics } from "../../observability/metrics.ts";
import { createFeedMetrics, type FeedMetricsView } from "../metrics.ts";
import {
  pointsExpirationFeed,
  userActivityFeed,
  userRedemptionFeed,
  userSegmentationFeed,
} from "./feed-definitions.ts";
import {
  createFeedIngest,
  type FeedDefinition,
  type FeedIngest,
  type FeedStoredEvent,
} from "./feed-ingest.ts";
import type { FeedName } from "./feed-names.ts";

// The four Data Push feeds beyond the profile, each with its ingest and its metrics, for the webhooks.

export interface FeedsDeps {
  db: Database;
  idType: CrowdTwistIdType;
  metrics: Pick<Metrics, "registry">;
  logger: Logger;
  onStored(event: FeedStoredEvent): void;
  bus: ClusterBus;
  /** With Redis the other instances are told after the member's shared list is dropped (live/live-updates.ts). */
  redis: boolean;
}

export function createFeeds(
  deps: FeedsDeps,
): Record<FeedName, { ingest: FeedIngest; metrics: FeedMetricsView }> {
  const feedMetrics = createFeedMetrics(deps.metrics);
  function feed<P extends LivePushMemberIds, I>(definition: FeedDefinition<P, I>) {
    const metrics = feedMetrics(definition.feed);
    return {
      metrics,
      ingest: createFeedIngest(definition, {
        db: deps.db,
        idType: deps.idType,
        metrics,
        logger: deps.logger,
        onStored: deps.onStored,
        // As for profiles: without Redis, told to the other instances by the storing statement.
        announcement: deps.redis ? undefined : feedStoredAnnouncement(deps.bus, definition.feed),
      }),
    };
  }
  return {
    user_activity: feed(userActivityFeed),
    user_redemption: feed(userRedemptionFeed),
    points_expiration: feed(pointsExpirationFeed),
    user_segmentation: feed(userSegmentationFeed),
  };
}
