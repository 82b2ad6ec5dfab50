import { queryOptions } from "@tanstack/react-query";
import type { ActivitiesAnswer, Activity } from "../../../components/activity-card/activity-types.ts";
import { api } from "../../../lib/api-client.ts";
import { call, isTransient, toApiError } from "../../../lib/api-error.ts";

export type ActivitiesBody = ActivitiesAnswer;
export type { Activity };

export const activityKeys = {
  all: ["activities"] as const,
  list: () => [...activityKeys.all, "list"] as const,
};

/**
 * How often to ask again while the answer is the BFF's last good copy (or the last ask failed). Each
 * ask for a degraded copy makes the BFF try the upstream (waiting up to 1 s for it), so the stale
 * banner goes by itself within about this long after the upstream recovers.
 */
export const STALE_POLL_MS = 10_000;

/** The member's activities as the BFF explains them: hidden ones removed, locked ones with their tier. */
export function activitiesQuery() {
  return queryOptions({
    queryKey: activityKeys.list(),
    queryFn: async ({ signal }): Promise<ActivitiesBody> => {
      const response = await call(() => api.api.me.activities.$get(undefined, { init: { signal } }));
      if (!response.ok) throw await toApiError(response);
      // The BFF types this answer's Dates as Dates (see activity-types.ts); they arrive as strings.
      return (await response.json()) as unknown as ActivitiesBody;
    },
    // Only while the tab is visible (TanStack's default): a hidden tab asks again when it is shown.
    refetchInterval: (query) => {
      const { data, error, status } = query.state;
      const failed = status === "error" && isTransient(error);
      return failed || data?.freshness?.degraded ? STALE_POLL_MS : false;
    },
  });
}
