import { useId } from "react";
import { strings } from "../../config/strings.ts";
import { Link } from "../../lib/router.tsx";
import { ActivityAction } from "./activity-action.tsx";
import { ActivityImage } from "./activity-image.tsx";
import { ActivityPoints } from "./activity-points.tsx";
import type { Activity } from "./activity-types.ts";
import { categoryName } from "./category.ts";
import { DateBadge } from "./date-badge.tsx";
import { LockNotice } from "./lock-notice.tsx";
import { WhyDisclosure } from "./why-disclosure.tsx";
import { earningTexts } from "./why-text.ts";

// One activity as a member sees it. Shared: the member grid renders it, and the manager preview
// renders the very same card for each tier. Data and callbacks come in as props; it reads no query
// and knows no feature, so both can use it as it is.

export interface ActivityCardProps {
  activity: Activity;
  /** The member's tier score, for "earn N more points"; `null` when unknown (no count is shown). */
  memberScore: number | null;
  /** Where the title leads (the details page); `null` shows the title as plain text. */
  href: string | null;
  /** The title's heading level inside the surrounding page. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Open the "Why can't I do this?" explainer from the start (e.g. a preview). Default closed. */
  defaultWhyOpen?: boolean;
  /** Called when the member opens or closes the explainer. */
  onWhyToggle?: (open: boolean) => void;
}

export function ActivityCard({
  activity,
  memberScore,
  href,
  headingLevel = 3,
  defaultWhyOpen = false,
  onWhyToggle,
}: ActivityCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const lockId = `${id}-lock`;
  const Heading = `h${headingLevel}` as const;
  const locked = activity.visibility.state === "locked" ? activity.visibility : null;
  const earning = earningTexts(activity);
  // Over, or its survey or forum is closed to members: shown, but not in full colour.
  const unavailable =
    activity.window.state === "expired" || activity.why.some((reason) => reason.kind === "community");
  return (
    <article
      aria-labelledby={titleId}
      className="flex h-full flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white shadow-sm dark:border-gray-700 dark:bg-gray-900"
    >
      <ActivityImage src={activity.image} dimmed={locked !== null || unavailable} />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-300">
            {categoryName(activity.categoryId)}
          </span>
          <DateBadge window={activity.window} />
        </div>
        <Heading id={titleId} className="text-lg leading-snug font-semibold">
          {href ? (
            <Link to={href} className="hover:underline">
              {activity.title}
            </Link>
          ) : (
            activity.title
          )}
        </Heading>
        <p className="line-clamp-2 text-gray-700 dark:text-gray-300">{activity.description}</p>
        <ActivityPoints points={activity.points} />
        {earning.length > 0 && (
          <p className="text-sm text-gray-700 dark:text-gray-300">{earning.join(" · ")}</p>
        )}
        {locked && <LockNotice id={lockId} tierTitle={locked.unlockTier?.title ?? null} />}
        {activity.community?.checked === false && (
          <p className="text-sm text-gray-700 dark:text-gray-300">{strings.activities.communityUnchecked}</p>
        )}
        {activity.why.length > 0 && (
          <WhyDisclosure
            reasons={activity.why}
            memberScore={memberScore}
            defaultOpen={defaultWhyOpen}
            onToggle={onWhyToggle}
          />
        )}
        <ActivityAction action={activity.action} readOnly={href === null} />
        <div className="mt-auto pt-1">
          {locked ? (
            <button type="button" disabled aria-describedby={lockId} className="button-secondary">
              {strings.activities.lockedAction}
            </button>
          ) : (
            href && (
              // The title is the link for keyboards and screen readers; this one is a bigger target
              // for pointers, kept out of the tab order so each card has one link stop.
              <Link to={href} className="button-secondary" tabIndex={-1} aria-hidden="true">
                {strings.activities.viewDetails}
              </Link>
            )
          )}
        </div>
      </div>
    </article>
  );
}
