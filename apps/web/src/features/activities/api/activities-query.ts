import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../../../lib/api-client.ts";
import { call, toApiError } from "../../../lib/api-error.ts";

export type ActivitiesBody = InferResponseType<typeof api.api.me.activities.$get, 200>;
export type Activity = ActivitiesBody["activities"][number];

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
      return response.json();
    },
  });
}
