import { t } from "@lingui/core/macro";
import { QueryErrorResetBoundary, useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useMemo } from "react";
import { ErrorBoundary } from "../components/error-boundary.tsx";
import { ErrorPanel } from "../components/error-panel.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { activityKeys } from "../features/activities/api/activities-query.ts";
import { ActivitiesSkeleton } from "../features/activities/components/activities-section.tsx";
import { SignOutButton } from "../features/auth/components/sign-out-button.tsx";
import { historyKeys } from "../features/history/api/history-query.ts";
import { meQuery } from "../features/member/api/me-query.ts";
import { LiveAnnouncements } from "../features/member/components/live-announcements.tsx";
import { TierCardSkeleton } from "../features/member/components/tier-card.tsx";
import { useProfileEvents } from "../features/member/hooks/use-profile-events.ts";
import { matchRoute, Redirect, usePathname } from "../lib/router.tsx";
import { throwWithoutData } from "../lib/throw-without-data.ts";
import { Layout } from "./layout.tsx";
import { ActivityRoute } from "./routes/activity-route.tsx";
import { HistoryRoute } from "./routes/history-route.tsx";
import { Landing } from "./routes/landing.tsx";
import { LoadingActions } from "./routes/loading-actions.tsx";
import { ManageRoute } from "./routes/manage-route.tsx";
import { MemberHome } from "./routes/member-home.tsx";
import { NotFound } from "./routes/not-found.tsx";
import { SignInFailed } from "./routes/sign-in-failed.tsx";
import { SignedOut } from "./routes/signed-out.tsx";

/** Which page the address asks for, given who is signed in. */
function PageForAddress() {
  const route = matchRoute(usePathname());
  // Not suspending: the page paints in the same frame its answer arrives (throw-without-data.ts).
  const { data: me, isPending } = useQuery({ ...meQuery(), throwOnError: throwWithoutData });
  const queryClient = useQueryClient();
  // A new profile can mean a new tier, and the BFF has already refreshed the activities for it; a
  // completion or a segment change changes counts, caps and what is offered: refetch them, so locks
  // open and activities come and go without a reload. A completion or an order adds to the history.
  const live = useMemo(() => {
    const refetchActivities = () => void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    return {
      onProfileChange: refetchActivities,
      onActivities: refetchActivities,
      onHistory: () => void queryClient.invalidateQueries({ queryKey: historyKeys.all }),
    };
  }, [queryClient]);
  useProfileEvents(me !== null && me !== undefined, live);

  if (isPending || me === undefined) return <PageSkeleton />;

  if (route.name === "not-found") {
    return (
      <Layout>
        <NotFound />
      </Layout>
    );
  }
  if (route.name === "sign-in-failed") return <SignInFailed />;
  // Signed in again (another tab) by the time this opens: the message would no longer be true.
  if (route.name === "signed-out") return me ? <Redirect to="/" /> : <SignedOut />;
  // Any page asked for while signed out shows the landing; signing in there comes back to it.
  if (!me) return <Landing />;
  if (route.name === "activity") return <ActivityRoute me={me} id={route.id} />;
  if (route.name === "manage") return <ManageRoute me={me} />;
  if (route.name === "history") return <HistoryRoute me={me} />;
  return <MemberHome me={me} />;
}

/** The member home's frame while `/api/me` is on its way: same header height, same card sizes. */
function PageSkeleton() {
  return (
    <Layout actions={<LoadingActions />}>
      <p className="sr-only" role="status">
        {t`Loading…`}
      </p>
      <Skeleton className="h-9 w-64" />
      <div className="mt-6">
        <TierCardSkeleton />
      </div>
      <div className="mt-10">
        <Skeleton className="mb-4 h-7 w-32" />
        <ActivitiesSkeleton />
      </div>
    </Layout>
  );
}

export function Pages() {
  return (
    <>
      <PagesWithinBoundaries />
      {/* Outside the routes, so a live update is said whatever page is open. */}
      <LiveAnnouncements />
    </>
  );
}

function PagesWithinBoundaries() {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          // Who is signed in is unknown here, and signing out must work whatever failed.
          fallback={({ error, reset: retry }) => (
            <Layout actions={<SignOutButton />}>
              <ErrorPanel
                title={t`We couldn't load this page`}
                error={error}
                onRetry={retry}
                headingLevel={1}
              />
            </Layout>
          )}
        >
          <Suspense fallback={<PageSkeleton />}>
            <PageForAddress />
          </Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
