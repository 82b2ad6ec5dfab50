import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { activitiesQuery } from "../features/activities/api/activities-query.ts";
import { historyQuery } from "../features/history/api/history-query.ts";
import { meQuery } from "../features/member/api/me-query.ts";
import { useLocale } from "../lib/i18n/use-locale.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { matchRoute } from "../lib/router.tsx";
import { maybeSignedIn } from "../lib/session-hint.ts";
import { Pages } from "./pages.tsx";

/** The manager area, the points history and the pages where sign-in and sign-out end show no activities. */
const WITHOUT_ACTIVITIES = new Set(["manage", "history", "signed-out", "sign-in-failed"]);

/**
 * The first requests leave before React renders anything. With a session likely (the BFF's hint
 * cookie), the activities leave together with `/api/me` rather than after it; without one they are
 * not asked for at all, since they would answer 401 (the member home asks for them once `/api/me`
 * says someone is signed in).
 */
export function startQueries(queryClient: QueryClient, pathname: string, sessionLikely: boolean) {
  const started = [queryClient.prefetchQuery(meQuery())];
  const route = matchRoute(pathname).name;
  if (sessionLikely && !WITHOUT_ACTIVITIES.has(route)) {
    started.push(queryClient.prefetchQuery(activitiesQuery()));
  }
  // The history's first page leaves with /api/me too, while its page's chunk loads.
  if (sessionLikely && route === "history") started.push(queryClient.prefetchInfiniteQuery(historyQuery()));
  // prefetchQuery never rejects: a failure is in the cache for the page to show.
  return Promise.all(started);
}

/** A client with the first requests already on their way; `answered` settles when they have. */
export function createStartedClient() {
  const queryClient = createQueryClient();
  const answered = startQueries(queryClient, window.location.pathname, maybeSignedIn(document.cookie));
  return { queryClient, answered };
}

/** `client`: one made by `createStartedClient` before rendering (main.tsx); without it, its own. */
export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createStartedClient().queryClient);
  // Read here, at the root: a new language re-renders every page below with its words.
  useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <Pages />
    </QueryClientProvider>
  );
}
