import { PageHeading } from "../../components/page-heading.tsx";
import { QueryBoundary } from "../../components/query-boundary.tsx";
import { strings } from "../../config/strings.ts";
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
  return (
    <Layout actions={<MemberActions me={me} />}>
      <PageHeading documentTitle={strings.home.documentTitle}>{strings.home.title(me.user.name)}</PageHeading>
      <div className="mt-6">
        <TierCard profile={me.profile} tiers={me.program.tiers} />
      </div>
      <section aria-labelledby="activities-heading" className="mt-10">
        <h2 id="activities-heading" className="mb-4 text-xl font-semibold">
          {strings.activities.heading}
        </h2>
        {inactive ? (
          <InactiveNotice />
        ) : (
          <QueryBoundary fallback={<ActivitiesSkeleton />} errorTitle={strings.errors.activitiesTitle}>
            <ActivitiesSection memberScore={memberTierScore(me.profile)} />
          </QueryBoundary>
        )}
      </section>
    </Layout>
  );
}
