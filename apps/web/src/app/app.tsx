import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { activitiesQuery } from "../features/activities/api/activities-query.ts";
import { meQuery } from "../features/member/api/me-query.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { matchRoute } from "../lib/router.tsx";
import { AppRouter } from "./router.tsx";

/** The manager area and the pages where sign-in and sign-out end show no activities. */
const WITHOUT_ACTIVITIES = new Set(["manage", "signed-out", "sign-in-failed"]);

/**
 * Both member requests leave at once, before React renders anything: the activities do not wait for
 * `/api/me` (they answer 401 as well when nobody is signed in).
 */
export function startQueries(queryClient: QueryClient, pathname: string) {
  void queryClient.prefetchQuery(meQuery());
  if (!WITHOUT_ACTIVITIES.has(matchRoute(pathname).name)) void queryClient.prefetchQuery(activitiesQuery());
}

function createStartedClient() {
  const queryClient = createQueryClient();
  startQueries(queryClient, window.location.pathname);
  return queryClient;
}

export function App() {
  const [queryClient] = useState(createStartedClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AppRouter />
    </QueryClientProvider>
  );
}
