import { t } from "@lingui/core/macro";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { ActivityAction } from "../../../components/activity-card/activity-action.tsx";
import { ActivityImage } from "../../../components/activity-card/activity-image.tsx";
import { ActivityPoints } from "../../../components/activity-card/activity-points.tsx";
import { categoryName } from "../../../components/activity-card/category.ts";
import { DateBadge } from "../../../components/activity-card/date-badge.tsx";
import { DoneNotice } from "../../../components/activity-card/done-notice.tsx";
import { LockNotice } from "../../../components/activity-card/lock-notice.tsx";
import { WhyReasons } from "../../../components/activity-card/why-disclosure.tsx";
import { earningTexts } from "../../../components/activity-card/why-text.ts";
import { PageHeading } from "../../../components/page-heading.tsx";
import { brandLang } from "../../../lib/brand.ts";
import { formatDay } from "../../../lib/format.ts";
import { Link } from "../../../lib/router.tsx";
import { useNow } from "../../../lib/use-now.ts";
import { type ActivitiesBody, activitiesQuery } from "../api/activities-query.ts";

const BACK =
  "inline-flex items-center gap-1 font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

export function BackToActivities() {
  return (
    <Link to="/" className={BACK}>
      <span aria-hidden="true">←</span> {t`Back to all activities`}
    </Link>
  );
}

function opensText(iso: string, now: number): string {
  const day = formatDay(iso);
  return Date.parse(iso) <= now ? t`Opened ${day}` : t`Opens ${day}`;
}

function closesText(iso: string, now: number): string {
  const day = formatDay(iso);
  return Date.parse(iso) <= now ? t`Closed ${day}` : t`Closes ${day}`;
}

/** One activity in full, read from the same cached list as the grid (no extra request). */
export function ActivityDetails({ id, memberScore }: { id: string; memberScore: number | null }) {
  const select = useCallback(
    (data: ActivitiesBody) => data.activities.find((a) => a.id === id) ?? null,
    [id],
  );
  const { data: activity } = useSuspenseQuery({ ...activitiesQuery(), select });
  const now = useNow();

  if (!activity) {
    return (
      <div className="space-y-4">
        <BackToActivities />
        <PageHeading>{t`Activity not found`}</PageHeading>
        <p className="text-gray-700 dark:text-gray-300">{t`This activity isn't available to you, or it has been removed.`}</p>
      </div>
    );
  }
  const locked = activity.visibility.state === "locked" ? activity.visibility : null;
  const { start, end } = activity.window;
  const earning = earningTexts(activity);
  return (
    <article className="space-y-6">
      <BackToActivities />
      <div className="grid gap-6 md:grid-cols-2">
        <div className="overflow-hidden rounded-2xl border border-gray-200 dark:border-gray-700">
          <ActivityImage
            src={activity.image}
            categoryId={activity.categoryId}
            dimmed={locked !== null}
            eager
            wide
          />
        </div>
        <div className="space-y-4">
          <p className="flex flex-wrap items-center gap-2 text-sm font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-300">
            {categoryName(activity.categoryId)}
            <DateBadge window={activity.window} />
          </p>
          <PageHeading lang={brandLang()}>{activity.title}</PageHeading>
          <p lang={brandLang()} className="text-lg text-gray-700 dark:text-gray-300">
            {activity.description}
          </p>
          <ActivityAction action={activity.action} />
          {/* "Locked" once; the section below says which tier opens it. */}
          {locked && <LockNotice />}
          {activity.done && <DoneNotice />}
          {activity.why.length > 0 && !activity.done && (
            <section
              aria-labelledby="why-heading"
              className="rounded-xl border border-gray-200 bg-gray-50 p-4 dark:border-gray-700 dark:bg-gray-800"
            >
              <h2 id="why-heading" className="text-sm font-semibold">
                {t`Why you can't do this now`}
              </h2>
              <div className="mt-1">
                <WhyReasons reasons={activity.why} memberScore={memberScore} />
              </div>
            </section>
          )}
          <section aria-labelledby="points-heading">
            <h2 id="points-heading" className="text-sm font-semibold">
              {t`Points you earn`}
            </h2>
            <div className="mt-1">
              <ActivityPoints points={activity.points} />
            </div>
          </section>
          {earning.length > 0 && (
            <section aria-labelledby="how-often-heading">
              <h2 id="how-often-heading" className="text-sm font-semibold">
                {t`How often`}
              </h2>
              <ul className="mt-1 text-gray-700 dark:text-gray-300">
                {earning.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="when-heading">
            <h2 id="when-heading" className="text-sm font-semibold">
              {t`When`}
            </h2>
            <ul className="mt-1 text-gray-700 dark:text-gray-300">
              {start && (
                <li>
                  <time dateTime={start}>{opensText(start, now)}</time>
                </li>
              )}
              {end && (
                <li>
                  <time dateTime={end}>{closesText(end, now)}</time>
                </li>
              )}
              {!start && !end && <li>{t`Always open`}</li>}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}
