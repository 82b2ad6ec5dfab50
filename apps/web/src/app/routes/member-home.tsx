import { t } from "@lingui/core/macro";
import { PageHeading } from "../../components/page-heading.tsx";
import { QueryBoundary } from "../../components/query-boundary.tsx";
import {
  ActivitiesSection,
  ActivitiesSkeleton,
} from "../../features/activities/components/activities-section.tsx";
import type { Me } from "../../features/member/api/me-query.ts";
import { TierCard } from "../../features/member/components/tier-card.tsx";
import { memberTierScore } from "../../features/member/lib/member-score.ts";
import { Layout } from "../layout.tsx";
import { InactiveNotice } from "./inactive-notice.tsx";
import { MemberActions } from "./member-actions.tsx";

export function MemberHome({ me }: { me: Me }) {
  const inactive = me.profile?.active === false;
  const firstName = me.user.name?.split(" ")[0];
  return (
    <Layout actions={<MemberActions me={me} />}>
      <PageHeading documentTitle={t`Your rewards`}>
        {firstName ? t`Welcome back, ${firstName}` : t`Welcome back`}
      </PageHeading>
      <div className="mt-6">
        <TierCard profile={me.profile} tiers={me.program.tiers} />
      </div>
      <section aria-labelledby="activities-heading" className="mt-10">
        <h2 id="activities-heading" className="mb-4 text-xl font-semibold">
          {t`Activities`}
        </h2>
        {inactive ? (
          <InactiveNotice />
        ) : (
          <QueryBoundary fallback={<ActivitiesSkeleton />} errorTitle={t`We couldn't load your activities`}>
            <ActivitiesSection memberScore={memberTierScore(me.profile)} />
          </QueryBoundary>
        )}
      </section>
    </Layout>
  );
}
