import { useEffect, useRef } from "react";
import { ActivityCard } from "../../../components/activity-card/activity-card.tsx";
import type { Activity } from "../../../components/activity-card/activity-types.ts";
import type { MemberPreview } from "../api/use-preview-member.ts";
import { managerStrings as s } from "../strings.ts";

// What the previewed member sees, read-only: the member's own cards with no links and no actions,
// under a banner that says whose portal this is and that the look is on record.

export function MemberPreviewResult({ preview }: { preview: MemberPreview }) {
  const banner = useRef<HTMLDivElement>(null);
  const member = preview.member.userId;
  useEffect(() => {
    banner.current?.focus();
  }, []);
  // The enrolled answer carries the member's own list, typed as the member route types it.
  const activities = preview.enrolled ? (preview.activities as unknown as Activity[]) : [];
  return (
    <section aria-labelledby="preview-banner" className="space-y-5">
      <div
        ref={banner}
        tabIndex={-1}
        className="sticky top-0 z-10 rounded-xl border-2 border-amber-500 bg-amber-100 p-4 text-amber-950 shadow-sm dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
      >
        <h2 id="preview-banner" className="text-lg font-bold">
          {s.preview.banner(member)}
        </h2>
        <p className="mt-1 text-sm">{s.preview.auditRef(preview.auditId)}</p>
      </div>
      {!preview.enrolled ? (
        <p>{s.preview.notEnrolled(member)}</p>
      ) : activities.length === 0 ? (
        <p>{s.preview.none}</p>
      ) : (
        <div className="space-y-3">
          <h3 className="text-xl font-semibold">{s.preview.activities(member)}</h3>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {activities.map((activity) => (
              <li key={activity.id}>
                <ActivityCard activity={activity} memberScore={null} href={null} headingLevel={4} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
