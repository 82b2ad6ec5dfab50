import { infiniteQueryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { apiJson } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";

// The member's points history, newest first, a page at a time: each page's `next` is the cursor of
// the one after it (keyset on the BFF), so "Show more" never repeats or skips an entry, however many
// arrive on top meanwhile. A refetch (a live `history` event) reads the first page again and walks
// the pages already shown from there.

export type HistoryPage = InferResponseType<typeof api.api.me.history.$get, 200>;
export type HistoryEntry = HistoryPage["entries"][number];

export const historyKeys = {
  all: ["history"] as const,
  list: () => [...historyKeys.all, "list"] as const,
};

/** Entries per page: the BFF's default, enough to fill a phone's first screens. */
export const HISTORY_PAGE_SIZE = 20;

export function historyQuery() {
  return infiniteQueryOptions({
    queryKey: historyKeys.list(),
    queryFn: ({ signal, pageParam }): Promise<HistoryPage> => {
      const query = { limit: String(HISTORY_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) };
      return apiJson(() => api.api.me.history.$get({ query }, { init: { signal } }));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}
