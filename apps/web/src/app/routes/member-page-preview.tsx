import { t } from "@lingui/core/macro";
import { ActivityCard } from "../../components/activity-card/activity-card.tsx";
import { HistoryEntries } from "../../features/history/components/history-entries.tsx";
import type { MemberPreview } from "../../features/manager/api/use-preview-member.ts";
import type { ProgramTierView } from "../../features/member/api/me-query.ts";
import { TierCard } from "../../features/member/components/tier-card.tsx";
import { memberTierScore } from "../../features/member/lib/member-score.ts";
import { ReadOnly } from "../../lib/read-only.tsx";
import { InactiveNotice } from "./inactive-notice.tsx";

// The member's page inside a manager's preview: the very tier card (tier, path to the next tier,
// numbers, history), points history and activity cards the member gets, read-only. Composed here, in the app layer,
// because it joins two features (member, manager); the manager feature renders it where it belongs.

export default function MemberPagePreview({
  preview,
  tiers,
}: {
  preview: MemberPreview;
  /** The program's tiers (/api/me's), for the tier's benefits and the ladder, as the member sees them. */
  tiers: readonly ProgramTierView[];
}) {
  const memberScore = memberTierScore(preview.profile);
  // As on the member's page: a deactivated account is told so instead of being offered activities.
  const inactive = preview.profile?.active === false;
  // Headings one level down from the member's page: the preview's banner is the h2.
  return (
    <ReadOnly>
      <div className="space-y-8">
        <TierCard profile={preview.profile} tiers={tiers} headingLevel={3} />
        {/* The member's latest points (their history page's first entries); null by another id type. */}
        {preview.history && (
          <section aria-labelledby="preview-history-heading">
            <h3 id="preview-history-heading" className="mb-4 text-xl font-semibold">
              {t`Points history`}
            </h3>
            {preview.history.length === 0 ? (
              <p>{t`No points yet`}</p>
            ) : (
              <HistoryEntries entries={preview.history} />
            )}
          </section>
        )}
        {preview.enrolled && (inactive || preview.activities.length > 0) && (
          <section aria-labelledby="preview-activities-heading">
            <h3 id="preview-activities-heading" className="mb-4 text-xl font-semibold">
              {t`Activities`}
            </h3>
            {inactive ? (
              <InactiveNotice headingLevel={4} />
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {preview.activities.map((activity) => (
                  <li key={activity.id}>
                    <ActivityCard
                      activity={activity}
                      memberScore={memberScore}
                      href={null}
                      headingLevel={4}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </ReadOnly>
  );
}
