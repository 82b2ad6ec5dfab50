import { useSuspenseQuery } from "@tanstack/react-query";
import { brandLang } from "../../../lib/brand.ts";
import { Link, navigate, useSearch } from "../../../lib/router.tsx";
import type { ProgramTier } from "../api/manager-queries.ts";
import { type KnownActivity, knownActivitiesQuery } from "../api/manager-queries.ts";
import {
  type BrowseFilters,
  browseFiltersToSearch,
  EMPTY_FILTERS,
  filterOptions,
  hasFilters,
  matchesFilters,
  parseBrowseFilters,
} from "../lib/browse-filters.ts";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";
import { BrowseFiltersForm } from "./browse-filters-form.tsx";
import { StateBadge } from "./state-badge.tsx";

// The program's activities as the personas see them, filtered by what is in the address.

function ActivityRow({
  activity,
  recent,
  tiers,
}: {
  activity: KnownActivity;
  recent: boolean;
  tiers: ProgramTier[];
}) {
  const title = (tierId: string) => tiers.find((t) => t.id === tierId)?.title ?? tierId;
  return (
    <li className="rounded-xl border border-gray-200 bg-white p-4 dark:border-gray-700 dark:bg-gray-900">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-semibold">
          <Link
            to={managerPaths.activity(activity.id)}
            className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-200"
          >
            <span className="text-gray-700 dark:text-gray-300">#{activity.id}</span>{" "}
            <span lang={brandLang()}>
              {activity.publicTitle.trim() ? activity.publicTitle : activity.title}
            </span>
          </Link>
        </h3>
        {recent && (
          <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50">
            {s.find.recent}
          </span>
        )}
      </div>
      {activity.publicTitle.trim() !== "" && activity.title !== activity.publicTitle && (
        <p className="mt-0.5 text-sm text-gray-700 dark:text-gray-300">
          {s.find.internalTitle(activity.title)}
        </p>
      )}
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        {[activity.categoryName, activity.typeName, activity.channelName, ...activity.tags]
          .filter(Boolean)
          .join(" · ")}
        {activity.segment && ` · ${s.find.segment(activity.segment.name, activity.segment.eligibility)}`}
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {activity.byTier.map((tier) => (
          <li key={tier.tierId} className="flex items-center gap-1.5">
            <span>{s.labelled(title(tier.tierId))}</span>
            <StateBadge state={tier.observed} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ActivityBrowser() {
  const { data } = useSuspenseQuery(knownActivitiesQuery());
  const tiers: ProgramTier[] = data.tiers;
  const filters = parseBrowseFilters(useSearch());
  const shown = data.activities.filter((activity) => matchesFilters(activity, filters));
  const setFilters = (next: BrowseFilters) =>
    navigate(`${managerPaths.find}${browseFiltersToSearch(next)}`, { replace: true, focus: false });

  return (
    <div className="space-y-4">
      <BrowseFiltersForm
        filters={filters}
        options={filterOptions(data.activities)}
        tiers={tiers}
        onChange={setFilters}
        onClear={() => setFilters(EMPTY_FILTERS)}
        canClear={hasFilters(filters)}
      />
      <p role="status" className="text-sm font-medium text-gray-800 dark:text-gray-200">
        {s.find.count(shown.length, data.activities.length)}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center dark:border-gray-600">
          {data.activities.length === 0 ? s.find.none : s.find.noneMatch}
        </p>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {shown.map((activity) => (
            <ActivityRow
              key={activity.id}
              activity={activity}
              recent={data.recent.includes(activity.id)}
              tiers={tiers}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
