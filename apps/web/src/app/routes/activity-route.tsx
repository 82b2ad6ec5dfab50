import { t } from "@lingui/core/macro";
import { QueryBoundary } from "../../components/query-boundary.tsx";
import { Skeleton } from "../../components/skeleton.tsx";
import { ActivityDetails } from "../../features/activities/components/activity-details.tsx";
import type { Me } from "../../features/member/api/me-query.ts";
import { memberTierScore } from "../../features/member/lib/member-score.ts";
import { Layout } from "../layout.tsx";
import { MemberActions } from "./member-actions.tsx";

function DetailsSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-6">
      <Skeleton className="h-5 w-44" />
      <div className="grid gap-6 md:grid-cols-2">
        <div className="aspect-video rounded-2xl bg-gray-100 dark:bg-gray-800" />
        <div className="space-y-4">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-9 w-3/4" />
          <Skeleton className="h-14 w-full" />
        </div>
      </div>
    </div>
  );
}

export function ActivityRoute({ me, id }: { me: Me; id: string }) {
  return (
    <Layout actions={<MemberActions me={me} />}>
      <QueryBoundary fallback={<DetailsSkeleton />} errorTitle={t`We couldn't load this page`}>
        <ActivityDetails id={id} memberScore={memberTierScore(me.profile)} />
      </QueryBoundary>
    </Layout>
  );
}
