import { plural, t } from "@lingui/core/macro";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useDeferredValue, useMemo } from "react";
import { ActivityCard } from "../../../components/activity-card/activity-card.tsx";
import { ActivityCardSkeleton } from "../../../components/activity-card/activity-card-skeleton.tsx";
import { isTransient } from "../../../lib/api-error.ts";
import { errorText } from "../../../lib/error-text.ts";
import { formatInteger } from "../../../lib/format.ts";
import { activityPath, navigate, useSearch } from "../../../lib/router.tsx";
import { throwWithoutData } from "../../../lib/throw-without-data.ts";
import { type ActivitiesBody, activitiesQuery } from "../api/activities-query.ts";
import { type CheckOutcome, useStaleCheck } from "../hooks/use-stale-check.ts";
import {
  applyFilters,
  DEFAULT_FILTERS,
  type Filters,
  filtersToSearch,
  isDefault,
  parseFilters,
} from "../lib/filters.ts";
import { ActivityFilters } from "./activity-filters.tsx";
import { StaleBanner } from "./stale-banner.tsx";

const GRID = "grid gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-3";
/** The cards on a first screen at any width: their pictures load at once, the rest as they near it. */
const EAGER_IMAGES = 3;
/**
 * Cards in the first render, enough for a first screen at any width; the rest follow in a deferred
 * render straight after, so the first screen paints without waiting for a long list to render.
 */
const FIRST_RENDER = 6;

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-gray-300 p-6 dark:border-gray-600">
      <h3 className="font-semibold">{title}</h3>
      <div className="mt-1 max-w-prose text-gray-700 dark:text-gray-300">{children}</div>
    </div>
  );
}

/** "1 activity", "3 of 20 activities". */
function countText(shown: number, total: number): string {
  if (shown === total) return plural(total, { one: "# activity", other: "# activities" });
  const count = formatInteger(shown);
  return plural(total, { one: `${count} of # activity`, other: `${count} of # activities` });
}

/** The activity grid with its filters, the outage banner and the empty states; a skeleton while loading. */
export function ActivitiesSection({ memberScore }: { memberScore: number | null }) {
  const search = useSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  const select = useCallback(
    (data: ActivitiesBody) => ({
      ...data,
      total: data.activities.length,
      shown: applyFilters(data.activities, filters),
    }),
    [filters],
  );
  // Not suspending: the cards paint in the same frame the answer arrives (throw-without-data.ts).
  // FIRST_RENDER on mount, then every card (a constant afterwards, so a filter change never lags).
  const limit = useDeferredValue(Number.POSITIVE_INFINITY, FIRST_RENDER);
  const { data, refetch, error } = useQuery({
    ...activitiesQuery(),
    select,
    throwOnError: throwWithoutData,
  });
  // Old data: the BFF's last good copy, or the last ask failed and what is shown is what came before.
  // Either way the query asks again every few seconds (activitiesQuery) until it is fresh.
  const failed = error !== null && isTransient(error);
  const stale = failed || (data?.enrolled === true && data.freshness.degraded);
  const check = useStaleCheck(stale, async (): Promise<CheckOutcome> => {
    const result = await refetch();
    if (result.isError) return "failed";
    return result.data?.enrolled && result.data.freshness.degraded ? "stale" : "fresh";
  });
  const setFilters = (next: Filters) =>
    navigate(`${window.location.pathname}${filtersToSearch(next)}`, { replace: true, focus: false });

  if (data === undefined) return <ActivitiesSkeleton />;
  if (!data.enrolled) {
    return (
      <Notice title={t`You're not in the rewards program yet`}>
        {t`Your account isn't enrolled in the rewards program, so there are no activities to show. Once you join, your activities and points appear here.`}
      </Notice>
    );
  }
  if (data.total === 0) {
    return (
      <Notice title={t`No activities right now`}>
        {t`There is nothing to do at the moment. New activities appear here as soon as the program adds them.`}
      </Notice>
    );
  }
  return (
    <div className="space-y-4">
      {/* Always present, so screen readers hear it when the banner goes (a removed live region says nothing). */}
      <p role="status" className="sr-only">
        {check.recovered ? t`Your activities are up to date.` : ""}
      </p>
      {stale && (
        <StaleBanner
          fetchedAt={data.freshness.fetchedAt}
          reason={
            failed
              ? errorText(error)
              : t`The rewards service isn't answering right now, so some details may have changed.`
          }
          checking={check.checking}
          outcome={check.outcome}
          onRetry={check.start}
        />
      )}
      <ActivityFilters filters={filters} onChange={setFilters} />
      <p aria-live="polite" className="text-sm text-gray-700 dark:text-gray-300">
        {countText(data.shown.length, data.total)}
      </p>
      {data.shown.length === 0 ? (
        <Notice title={t`No activities match these filters.`}>
          {!isDefault(filters) && (
            <button
              type="button"
              className="button-secondary mt-2"
              onClick={() => setFilters(DEFAULT_FILTERS)}
            >
              {t`Clear filters`}
            </button>
          )}
        </Notice>
      ) : (
        <ul className={GRID}>
          {data.shown.slice(0, limit).map((activity, index) => (
            <li key={activity.id}>
              <ActivityCard
                activity={activity}
                memberScore={memberScore}
                href={activityPath(activity.id)}
                eagerImage={index < EAGER_IMAGES}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ActivitiesSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-4">
      <div className="h-5 rounded-xl sm:h-44 lg:h-28" />
      <ul className={GRID}>
        {[1, 2, 3, 4, 5, 6].map((n) => (
          <li key={n}>
            <ActivityCardSkeleton />
          </li>
        ))}
      </ul>
    </div>
  );
}
