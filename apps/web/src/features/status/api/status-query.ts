import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../../../lib/api-client.ts";
import { call, toApiError } from "../../../lib/api-error.ts";

export type ServiceStatusBody = InferResponseType<typeof api.api.status.$get, 200>;
export type UpstreamStatus = ServiceStatusBody["upstreams"][number];

export const statusKeys = {
  all: ["status"] as const,
  services: () => [...statusKeys.all, "services"] as const,
};

/** Whether the portal and the services behind it answer (`/api/status`: public, no session needed). */
export function statusQuery() {
  return queryOptions({
    queryKey: statusKeys.services(),
    queryFn: async ({ signal }): Promise<ServiceStatusBody> => {
      const response = await call(() => api.api.status.$get(undefined, { init: { signal } }));
      if (!response.ok) throw await toApiError(response);
      return response.json();
    },
    // Always the latest: "Check again" and the minute's poll ask the portal, not the cache.
    staleTime: 0,
    refetchInterval: 60_000,
  });
}
