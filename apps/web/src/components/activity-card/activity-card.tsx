import { t } from "@lingui/core/macro";
import { useId } from "react";
import { brandLang } from "../../lib/brand.ts";
import { Link } from "../../lib/router.tsx";
import { ActivityAction } from "./activity-action.tsx";
import { ActivityImage } from "./activity-image.tsx";
import { ActivityPoints } from "./activity-points.tsx";
import type { Activity } from "./activity-types.ts";
import { categoryName } from "./category.ts";
import { DateBadge } from "./date-badge.tsx";
import { DoneNotice } from "./done-notice.tsx";
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
  /** Load the picture at once (a card on the first screen); the rest load as they near it. */
  eagerImage?: boolean;
}

// The title link's ::after covers the whole card, so a click anywhere opens the details while the
// link stays the card's one tab stop; the action area sits above it so its own controls still work.
const STRETCHED = "after:absolute after:inset-0 after:rounded-2xl after:content-['']";

export function ActivityCard({
  activity,
  memberScore,
  href,
  headingLevel = 3,
  defaultWhyOpen = false,
  onWhyToggle,
  eagerImage = false,
}: ActivityCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const Heading = `h${headingLevel}` as const;
  const locked = activity.visibility.state === "locked";
  const earning = earningTexts(activity);
  // Over, or its survey or forum is closed to members: shown, but not in full colour.
  const unavailable =
    activity.window.state === "expired" || activity.why.some((reason) => reason.kind === "community");
  return (
    <article
      aria-labelledby={titleId}
      className="group relative flex h-full gap-3 overflow-hidden rounded-2xl border border-gray-200 bg-white p-3 shadow-sm sm:flex-col sm:gap-0 sm:p-0 dark:border-gray-700 dark:bg-gray-900"
    >
      <ActivityImage
        src={activity.image}
        categoryId={activity.categoryId}
        dimmed={locked || unavailable}
        eager={eagerImage}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:gap-3 sm:p-4">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-300">
            {categoryName(activity.categoryId)}
          </span>
          <DateBadge window={activity.window} />
        </div>
        {/* The brand's words, in its language on a page in another (lib/brand.ts). */}
        <Heading id={titleId} lang={brandLang()} className="text-base leading-snug font-semibold sm:text-lg">
          {href ? (
            <Link to={href} className={`group-hover:underline ${STRETCHED}`}>
              {activity.title}
            </Link>
          ) : (
            activity.title
          )}
        </Heading>
        <p
          lang={brandLang()}
          className="line-clamp-1 text-sm text-gray-700 sm:line-clamp-2 sm:text-base dark:text-gray-300"
        >
          {activity.description}
        </p>
        <ActivityPoints points={activity.points} />
        {earning.length > 0 && (
          <p className="text-sm text-gray-700 dark:text-gray-300">{earning.join(" · ")}</p>
        )}
        {activity.community?.checked === false && (
          <p className="text-sm text-gray-700 dark:text-gray-300">{t`We couldn't check the community just now, so it may not be open.`}</p>
        )}
        {/* The card's action area: its state (said once) and what the member can do. */}
        <div className="relative z-10 mt-auto flex flex-col items-start gap-1.5 sm:gap-2 sm:pt-1">
          {locked && <LockNotice />}
          {/* Done for good: said once, and why it cannot be done again goes without saying. */}
          {activity.done && <DoneNotice />}
          {activity.why.length > 0 && !activity.done && (
            <WhyDisclosure
              reasons={activity.why}
              memberScore={memberScore}
              defaultOpen={defaultWhyOpen}
              onToggle={onWhyToggle}
            />
          )}
          <ActivityAction action={activity.action} readOnly={href === null} compact />
        </div>
      </div>
    </article>
  );
}
