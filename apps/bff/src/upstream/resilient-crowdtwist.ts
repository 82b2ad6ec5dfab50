import type { CrowdTwistClient } from "@portal/crowdtwist/client";
import type { UpstreamResilience } from "./resilience.ts";

// The CrowdTwist client with every call under the upstream's retry, breaker and deadline. Each HTTP
// call is one `execute`, so cached loaders that read through one another never nest breaker calls.

export function resilientCrowdTwist(
  client: CrowdTwistClient,
  resilience: UpstreamResilience,
): CrowdTwistClient {
  return {
    getUserActivities: (userId, options = {}) =>
      resilience.execute(
        { operation: "user_activities", idempotent: true, signal: options.signal },
        (signal) => client.getUserActivities(userId, { ...options, signal }),
      ),
    getActivityExtended: (activityId, options = {}) =>
      resilience.execute(
        { operation: "activity_extended", idempotent: true, signal: options.signal },
        (signal) => client.getActivityExtended(activityId, { ...options, signal }),
      ),
    close: () => client.close(),
  };
}
