import { queryOptions } from "@tanstack/react-query";
import type { ActivitiesAnswer, Activity } from "../../../components/activity-card/activity-types.ts";
import { api } from "../../../lib/api-client.ts";
import { call, toApiError } from "../../../lib/api-error.ts";

export type ActivitiesBody = ActivitiesAnswer;
export type { Activity };

export const activityKeys = {
  all: ["activities"] as const,
  list: () => [...activityKeys.all, "list"] as const,
};

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
  });
}
