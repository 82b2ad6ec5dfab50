import { ActivityCard } from "../../components/activity-card/activity-card.tsx";
import { strings } from "../../config/strings.ts";
import type { MemberPreview } from "../../features/manager/api/use-preview-member.ts";
import { TierCard } from "../../features/member/components/tier-card.tsx";
import { memberTierScore } from "../../features/member/lib/member-score.ts";
import { ReadOnly } from "../../lib/read-only.tsx";

// The member's page inside a manager's preview: the very tier card (tier, path to the next tier,
// numbers, history) and activity cards the member gets, read-only. Composed here, in the app layer,
// because it joins two features (member, manager); the manager feature renders it where it belongs.

export function MemberPagePreview({ preview }: { preview: MemberPreview }) {
  const memberScore = memberTierScore(preview.profile);
  return (
    <ReadOnly>
      <div className="space-y-8">
        <TierCard profile={preview.profile} />
        {preview.enrolled && preview.activities.length > 0 && (
          <section aria-labelledby="preview-activities-heading">
            <h2 id="preview-activities-heading" className="mb-4 text-xl font-semibold">
              {strings.activities.heading}
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {preview.activities.map((activity) => (
                <li key={activity.id}>
                  <ActivityCard activity={activity} memberScore={memberScore} href={null} headingLevel={3} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ReadOnly>
  );
}
