import { strings } from "../../../config/strings.ts";
import { Link } from "../../../lib/router.tsx";
import type { Activity } from "../api/activities-query.ts";
import { categoryName } from "../lib/category.ts";
import { ActivityImage } from "./activity-image.tsx";
import { ActivityPoints } from "./activity-points.tsx";
import { DateBadge } from "./date-badge.tsx";
import { LockNotice } from "./lock-notice.tsx";

// One activity in the grid. Each part is its own small component, so fields the BFF adds later
// (frequency, points on click, why an activity is shown) slot in as another row.

export const activityPath = (id: string) => `/activities/${encodeURIComponent(id)}`;

export function ActivityCard({ activity, memberScore }: { activity: Activity; memberScore: number | null }) {
  const titleId = `activity-${activity.id}-title`;
  const lockId = `activity-${activity.id}-lock`;
  const locked = activity.visibility.state === "locked" ? activity.visibility : null;
  return (
    <article
      aria-labelledby={titleId}
      className="flex h-full flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white shadow-sm dark:border-gray-700 dark:bg-gray-900"
    >
      <ActivityImage src={activity.image} dimmed={locked !== null} />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-300">
            {categoryName(activity.categoryId)}
          </span>
          <DateBadge window={activity.window} />
        </div>
        <h3 id={titleId} className="text-lg leading-snug font-semibold">
          <Link to={activityPath(activity.id)} className="hover:underline">
            {activity.title}
          </Link>
        </h3>
        <p className="line-clamp-2 text-gray-700 dark:text-gray-300">{activity.description}</p>
        <ActivityPoints points={activity.points} />
        {locked && <LockNotice id={lockId} visibility={locked} memberScore={memberScore} />}
        <div className="mt-auto pt-1">
          {locked ? (
            <button type="button" disabled aria-describedby={lockId} className="button-secondary">
              {strings.activities.lockedAction}
            </button>
          ) : (
            // The title is the link for keyboards and screen readers; this one is a bigger target for
            // pointers, kept out of the tab order so each card is one stop.
            <Link
              to={activityPath(activity.id)}
              className="button-secondary"
              tabIndex={-1}
              aria-hidden="true"
            >
              {strings.activities.viewDetails}
            </Link>
          )}
        </div>
      </div>
    </article>
  );
}
