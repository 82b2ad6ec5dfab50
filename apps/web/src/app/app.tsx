import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { activitiesQuery } from "../features/activities/api/activities-query.ts";
import { meQuery } from "../features/member/api/me-query.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { matchRoute } from "../lib/router.tsx";
import { maybeSignedIn } from "../lib/session-hint.ts";
import { AppRouter } from "./router.tsx";

/** The manager area and the pages where sign-in and sign-out end show no activities. */
const WITHOUT_ACTIVITIES = new Set(["manage", "signed-out", "sign-in-failed"]);

/**
 * The first requests leave before React renders anything. With a session likely (the BFF's hint
 * cookie), the activities leave together with `/api/me` rather than after it; without one they are
 * not asked for at all, since they would answer 401 (the member home asks for them once `/api/me`
 * says someone is signed in).
 */
export function startQueries(queryClient: QueryClient, pathname: string, sessionLikely: boolean) {
  void queryClient.prefetchQuery(meQuery());
  if (sessionLikely && !WITHOUT_ACTIVITIES.has(matchRoute(pathname).name)) {
    void queryClient.prefetchQuery(activitiesQuery());
  }
}

function createStartedClient() {
  const queryClient = createQueryClient();
  startQueries(queryClient, window.location.pathname, maybeSignedIn(document.cookie));
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
