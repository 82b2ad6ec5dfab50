import type { KnownActivity } from "../api/manager-queries.ts";

// The activity browser's filters, kept in the address (`?q=ticket&tag=Tickets&tier=334&state=locked`)
// so a manager can share exactly the view they are looking at.

export const BROWSE_STATES = ["available", "locked", "hidden"] as const;
export type BrowseState = (typeof BROWSE_STATES)[number];

export interface BrowseFilters {
  q: string;
  tag: string | null;
  category: string | null;
  channel: string | null;
  tier: string | null;
  state: BrowseState | null;
}

export const EMPTY_FILTERS: BrowseFilters = {
  q: "",
  tag: null,
  category: null,
  channel: null,
  tier: null,
  state: null,
};

const KEYS = ["q", "tag", "category", "channel", "tier", "state"] as const;

export function parseBrowseFilters(search: string): BrowseFilters {
  const params = new URLSearchParams(search);
  const text = (key: string) => params.get(key)?.trim() || null;
  const state = params.get("state");
  return {
    q: params.get("q") ?? "",
    tag: text("tag"),
    category: text("category"),
    channel: text("channel"),
    tier: text("tier"),
    state: BROWSE_STATES.find((s) => s === state) ?? null,
  };
}

export function browseFiltersToSearch(filters: BrowseFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const hasFilters = (filters: BrowseFilters) => browseFiltersToSearch(filters) !== "";

/** An activity a segment keeps from a persona is missing from their list: hidden, for a manager. */
const asBrowseState = (observed: KnownActivity["byTier"][number]["observed"]): BrowseState | null =>
  observed === "absent" ? "hidden" : observed;

export function matchesFilters(activity: KnownActivity, filters: BrowseFilters): boolean {
  const q = filters.q.trim().toLocaleLowerCase();
  if (
    q &&
    !activity.title.toLocaleLowerCase().includes(q) &&
    !activity.publicTitle.toLocaleLowerCase().includes(q) &&
    activity.id !== q
  )
    return false;
  if (filters.tag && !activity.tags.includes(filters.tag)) return false;
  if (filters.category && activity.categoryName !== filters.category) return false;
  if (filters.channel && activity.channelName !== filters.channel) return false;
  if (filters.state) {
    const tiers = filters.tier ? activity.byTier.filter((t) => t.tierId === filters.tier) : activity.byTier;
    if (!tiers.some((t) => asBrowseState(t.observed) === filters.state)) return false;
  }
  return true;
}

const sorted = (values: Iterable<string | null>) =>
  [...new Set([...values].filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/** The choices each filter offers: only values some activity has. */
export function filterOptions(activities: KnownActivity[]) {
  return {
    tags: sorted(activities.flatMap((a) => a.tags)),
    categories: sorted(activities.map((a) => a.categoryName)),
    channels: sorted(activities.map((a) => a.channelName)),
  };
}
