import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { apiJson } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";

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
    queryFn: ({ signal }): Promise<ServiceStatusBody> =>
      apiJson(() => api.api.status.$get(undefined, { init: { signal } })),
    // Always the latest: "Check again" and the minute's poll ask the portal, not the cache.
    staleTime: 0,
    refetchInterval: 60_000,
  });
}
