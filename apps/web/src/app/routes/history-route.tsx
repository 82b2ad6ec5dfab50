import { t } from "@lingui/core/macro";
import { lazy } from "react";
import { PageHeading } from "../../components/page-heading.tsx";
import { QueryBoundary } from "../../components/query-boundary.tsx";
import { HistorySkeleton } from "../../features/history/components/history-skeleton.tsx";
import type { Me } from "../../features/member/api/me-query.ts";
import { ExpiringPointsList } from "../../features/member/components/expiring-points.tsx";
import { Link } from "../../lib/router.tsx";
import { Layout } from "../layout.tsx";
import { MemberActions } from "./member-actions.tsx";

// Its own chunk, fetched when a member opens /history: the home's first download stays as it was.
const PointsHistory = lazy(() => import("../../features/history/components/points-history.tsx"));

export function HistoryRoute({ me }: { me: Me }) {
  return (
    <Layout actions={<MemberActions me={me} />}>
      <div className="space-y-5">
        <Link
          to="/"
          className="inline-flex items-center gap-1 font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          <span aria-hidden="true">←</span> {t`Back to your rewards`}
        </Link>
        <PageHeading>{t`Points history`}</PageHeading>
        {/* What is about to go, beside what came and went: the tier card's list, from the profile. */}
        <ExpiringPointsList expiring={me.profile?.expiringPoints ?? []} />
        <QueryBoundary
          fallback={<HistorySkeleton />}
          errorTitle={t`We couldn't load your points history`}
          headingLevel={2}
        >
          <PointsHistory />
        </QueryBoundary>
      </div>
    </Layout>
  );
}
