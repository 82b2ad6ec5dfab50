import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const statusKeys = {
  all: ["status"] as const,
  health: () => [...statusKeys.all, "health"] as const,
};

export function healthQuery() {
  return queryOptions({
    queryKey: statusKeys.health(),
    queryFn: async ({ signal }) => {
      const response = await api.api.health.$get(undefined, { init: { signal } });
      if (!response.ok) throw new Error(`The portal answered ${response.status}.`);
      return response.json();
    },
    refetchInterval: 60_000,
  });
}
