import { queryOptions, replaceEqualDeep } from "@tanstack/react-query";
import type { ActivitiesAnswer, Activity } from "../../../components/activity-card/activity-types.ts";
import { apiCall } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";
import { ApiError, isTransient } from "../../../lib/api-error.ts";

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

/**
 * The ETag each answer came with, by the answer itself: the list lives in the query cache, so its tag
 * goes when the cache forgets it (sign-out clears it), and never outlives it.
 */
const etags = new WeakMap<ActivitiesBody, string>();

/** The member's activities as the BFF explains them: hidden ones removed, locked ones with their tier. */
export function activitiesQuery() {
  return queryOptions({
    queryKey: activityKeys.list(),
    queryFn: async ({ signal, client, queryKey }): Promise<ActivitiesBody> => {
      // Asking again with the tag of what is shown: an unchanged list comes back as 304, no body.
      const shown = client.getQueryData<ActivitiesBody>(queryKey);
      const etag = shown && etags.get(shown);
      const response = await apiCall(() =>
        api.api.me.activities.$get(undefined, {
          init: { signal },
          ...(etag ? { headers: { "if-none-match": etag } } : {}),
        }),
      );
      // The BFF answers 304 only to If-None-Match, which is sent only with a list shown.
      if (response.status === 304) {
        if (shown) return shown;
        throw new ApiError(304, "http_error", "The BFF answered 304 to a request for no list", null);
      }
      const body = await response.json();
      const tag = response.headers.get("etag");
      if (tag) etags.set(body, tag);
      return body;
    },
    // Unchanged activities keep their identity (no re-render), and the tag follows the answer.
    structuralSharing: (shown: unknown, next: unknown) => {
      const shared = replaceEqualDeep(shown, next) as ActivitiesBody;
      const tag = etags.get(next as ActivitiesBody);
      if (tag) etags.set(shared, tag);
      return shared;
    },
    // Only while the tab is visible (TanStack's default): a hidden tab asks again when it is shown.
    refetchInterval: (query) => {
      const { data, error, status } = query.state;
      const failed = status === "error" && isTransient(error);
      return failed || data?.freshness?.degraded ? STALE_POLL_MS : false;
    },
  });
}
