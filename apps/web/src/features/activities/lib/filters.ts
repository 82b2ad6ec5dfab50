import type { Activity } from "../api/activities-query.ts";

// Which activities the member asked to see, and in what order. Kept in the address (`?category=4&show=locked&sort=points`)
// so the back button and a shared link bring the same view back.

// "all" is everything not over yet: ended activities are shown only under their own filter.
export const STATE_FILTERS = ["all", "available", "locked", "upcoming", "ending_soon", "ended"] as const;
export const SORTS = ["recommended", "points", "ending"] as const;
export const CATEGORY_IDS = ["1", "2", "3", "4"] as const;

export type StateFilter = (typeof STATE_FILTERS)[number];
export type Sort = (typeof SORTS)[number];

export interface Filters {
  category: string | null;
  show: StateFilter;
  sort: Sort;
}

export const DEFAULT_FILTERS: Filters = { category: null, show: "all", sort: "recommended" };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

export function parseFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const category = params.get("category");
  return {
    category: category && (CATEGORY_IDS as readonly string[]).includes(category) ? category : null,
    show: oneOf(STATE_FILTERS, params.get("show"), "all"),
    sort: oneOf(SORTS, params.get("sort"), "recommended"),
  };
}

export function filtersToSearch(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.show !== "all") params.set("show", filters.show);
  if (filters.sort !== "recommended") params.set("sort", filters.sort);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const isLocked = (activity: Activity) => activity.visibility.state === "locked";

export function matchesState(activity: Activity, show: StateFilter): boolean {
  const time = activity.window.state;
  switch (show) {
    case "all":
      return time !== "expired";
    case "ended":
      return time === "expired";
    case "locked":
      return isLocked(activity) && time !== "expired";
    case "upcoming":
      return time === "upcoming";
    case "ending_soon":
      return time === "ending_soon";
    case "available":
      // What the member can do now: no reason against it (tier, segment, community, a cap reached, done).
      return activity.why.length === 0 && (time === "open" || time === "ending_soon");
  }
}

const endTime = (activity: Activity) =>
  activity.window.state === "expired" || activity.window.end === null
    ? Number.POSITIVE_INFINITY
    : new Date(activity.window.end).getTime();

/** The BFF's order is "recommended"; the others are stable sorts on top of it. */
export function applyFilters(activities: readonly Activity[], filters: Filters): Activity[] {
  const shown = activities.filter(
    (activity) =>
      (filters.category === null || activity.categoryId === filters.category) &&
      matchesState(activity, filters.show),
  );
  if (filters.sort === "points") return shown.sort((a, b) => b.points.effective - a.points.effective);
  if (filters.sort === "ending") {
    // Open-ended and ended activities share +Infinity; compare rather than subtract (∞ − ∞ is NaN).
    return shown.sort((a, b) => {
      const [x, y] = [endTime(a), endTime(b)];
      return x === y ? 0 : x < y ? -1 : 1;
    });
  }
  return shown;
}

export const isDefault = (filters: Filters) =>
  filters.category === null && filters.show === "all" && filters.sort === "recommended";
