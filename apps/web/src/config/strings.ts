import { formatDay, formatDecimal, formatInteger } from "../lib/format.ts";

// Every English word the portal shows, in one place. Counts go through Intl.PluralRules, numbers
// and dates through lib/format.ts (the member's locale), so a translation replaces this file only.

const rules = new Intl.PluralRules("en");

interface PluralForms {
  one: string;
  other: string;
}

/** Picks the English plural form for `count`; `#` in the form becomes the locale-formatted number. */
export function plural(count: number, forms: PluralForms): string {
  const form = rules.select(count) === "one" ? forms.one : forms.other;
  return form.replace("#", formatInteger(count));
}

const pts = (count: number) => plural(count, { one: "# pt", other: "# pts" });
const minutes = (count: number) => plural(count, { one: "# minute", other: "# minutes" });
const hours = (count: number) => plural(count, { one: "# hour", other: "# hours" });
const days = (count: number) => plural(count, { one: "# day", other: "# days" });

type TierEventName = "JUMP" | "UPDATE" | "DROP" | "MAINTAIN" | "RESET" | "START";

const tierEvents: Record<TierEventName, (tier: string, day: string) => string> = {
  JUMP: (tier, day) => `You reached ${tier} on ${day}`,
  UPDATE: (tier, day) => `Your ${tier} points were updated on ${day}`,
  DROP: (tier, day) => `You moved to ${tier} on ${day}`,
  MAINTAIN: (tier, day) => `You kept ${tier} on ${day}`,
  RESET: (tier, day) => `Your ${tier} points started a new period on ${day}`,
  START: (tier, day) => `You started at ${tier} on ${day}`,
};

export const strings = {
  appName: "Loyalty portal",
  skipLink: "Skip to main content",
  pts,
  minutes,
  hours,
  days,

  landing: {
    title: "Your rewards, all in one place",
    lead: "See your tier, the activities open to you and the bonus points each one is really worth.",
    signIn: "Sign in",
    signInHint: "Sign in with your member account to see your tier and activities.",
    highlights: [
      {
        title: "Your tier journey",
        text: "Where you stand, what the next tier takes, and how to keep the one you have.",
      },
      { title: "Activities for you", text: "What you can do now, what unlocks at a higher tier, and why." },
      {
        title: "Bonus campaigns",
        text: "The points you really earn, with every multiplier and gift counted.",
      },
      { title: "Always current", text: "Your points and tier update live while the page is open." },
    ],
  },

  header: {
    signOut: "Sign out",
    signingOut: "Signing out…",
    signedInAs: (name: string) => `Signed in as ${name}`,
    managerLink: "Program manager preview",
    home: "Home",
  },

  home: {
    title: (name: string | null) => (name ? `Welcome back, ${name.split(" ")[0]}` : "Welcome back"),
    documentTitle: "Your rewards",
  },

  freshness: {
    updated: (ageSeconds: number, iso: string) => {
      if (ageSeconds < 45) return "Updated just now";
      if (ageSeconds < 3600)
        return `Updated ${formatInteger(Math.max(1, Math.round(ageSeconds / 60)))} min ago`;
      if (ageSeconds < 86_400) return `Updated ${hours(Math.round(ageSeconds / 3600))} ago`;
      return `Updated on ${formatDay(iso)}`;
    },
  },

  tier: {
    heading: "Your tier",
    noProfileTitle: "Your tier is on its way",
    noProfile:
      "Your tier details will appear here as soon as the rewards program sends them. This usually takes a few minutes after you join or earn points.",
    currentTier: "Current tier",
    noTier: "No tier yet",
    points: "Points",
    totalPoints: (total: number) => `${pts(total)} in total`,
    redeemable: (count: number) => `${pts(count)} to spend`,
    toNext: (points: number, tier: string) => `${pts(points)} to ${tier}`,
    progressLabel: (tier: string) => `Progress to ${tier}`,
    topTier: (tier: string) => `${tier} is our top tier. You've reached the highest level.`,
    topTierBadge: "Top tier",
    keepTitle: "Keep your tier",
    keep: (points: number, tier: string, byIso: string | null) =>
      points === 0
        ? `You've done enough to keep ${tier}.`
        : byIso
          ? `Earn ${pts(points)} by ${formatDay(byIso)} to keep ${tier}.`
          : `Earn ${pts(points)} to keep ${tier}.`,
    daysLeft: (count: number) => (count <= 0 ? "Last day" : `${days(count)} left`),
    atRisk: "At risk",
    resetDate: (iso: string) => `Your points period resets on ${formatDay(iso)}.`,
    event: (event: TierEventName, tier: string, iso: string) => tierEvents[event](tier, formatDay(iso)),
    historyHeading: "Tier history",
    historyEmpty: "No tier changes yet.",
  },

  activities: {
    heading: "Activities",
    count: (shown: number, total: number) =>
      shown === total
        ? plural(total, { one: "# activity", other: "# activities" })
        : `${formatInteger(shown)} of ${plural(total, { one: "# activity", other: "# activities" })}`,
    filters: "Filter and sort activities",
    category: "Category",
    state: "Show",
    sort: "Sort by",
    allCategories: "All categories",
    categories: { "1": "Share", "2": "Socialize", "3": "Interact", "4": "Buy" } as Record<string, string>,
    otherCategory: "Other",
    states: {
      all: "All",
      available: "Available",
      locked: "Locked",
      upcoming: "Upcoming",
      ending_soon: "Ending soon",
    },
    sorts: { recommended: "Recommended", points: "Most points", ending: "Ending soon" },
    clearFilters: "Clear filters",
    noneMatch: "No activities match these filters.",
    noneTitle: "No activities right now",
    none: "There is nothing to do at the moment. New activities appear here as soon as the program adds them.",
    notEnrolledTitle: "You're not in the rewards program yet",
    notEnrolled:
      "Your account isn't enrolled in the rewards program, so there are no activities to show. Once you join, your activities and points appear here.",
    stale: (ageMinutes: number, iso: string) => {
      if (ageMinutes < 60) return `Showing your activities from ${minutes(Math.max(1, ageMinutes))} ago.`;
      if (ageMinutes < 48 * 60)
        return `Showing your activities from ${hours(Math.round(ageMinutes / 60))} ago.`;
      return `Showing your activities from ${formatDay(iso)}.`;
    },
    staleReason: "The rewards service isn't answering right now, so some details may have changed.",
    tryAgain: "Try again",
    points: (count: number) => pts(count),
    basePoints: (count: number) => `${pts(count)} base`,
    campaign: (multiplier: number, title: string, gift: number) =>
      [
        multiplier !== 1 ? `${formatDecimal(multiplier)}× ${title}` : title,
        gift > 0 ? `+${formatInteger(gift)}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    campaignNotApplied: "doesn't combine with the other bonus",
    lockedIcon: "Locked",
    unlock: (tier: string | null, toGo: number | null) =>
      `${tier ? `Reach ${tier} to unlock` : "Reach a higher tier to unlock"}${toGo && toGo > 0 ? ` — ${pts(toGo)} to go` : ""}`,
    lockedAction: "Locked",
    viewDetails: "View details",
    startsIn: (count: number) => (count <= 1 ? "Starts tomorrow" : `Starts in ${days(count)}`),
    endsIn: (count: number) =>
      count <= 0 ? "Ends today" : count === 1 ? "Ends tomorrow" : `Ends in ${days(count)}`,
    ended: "Ended",
    notOpenAction: "Not open yet",
    endedAction: "Ended",
  },

  details: {
    back: "Back to all activities",
    notFoundTitle: "Activity not found",
    notFound: "This activity isn't available to you, or it has been removed.",
    pointsHeading: "Points you earn",
    base: "Base points",
    youEarn: "You earn",
    whenHeading: "When",
    opens: (iso: string, now: number) => `${Date.parse(iso) <= now ? "Opened" : "Opens"} ${formatDay(iso)}`,
    closes: (iso: string, now: number) => `${Date.parse(iso) <= now ? "Closed" : "Closes"} ${formatDay(iso)}`,
    always: "Always open",
    category: "Category",
  },

  manager: {
    title: "Program manager preview",
    lead: "Preview how each activity looks and behaves for every tier and segment. Coming soon.",
    forbiddenTitle: "This area is for program managers",
    forbidden: "Your account doesn't have access to the program manager preview.",
  },

  notFound: {
    title: "Page not found",
    text: "There's nothing at this address.",
    home: "Go to the home page",
  },

  errors: {
    title: "Something went wrong",
    activitiesTitle: "We couldn't load your activities",
    pageTitle: "We couldn't load this page",
    reference: (id: string) => `Reference: ${id}`,
    retry: "Try again",
    signInAgain: "Sign in again",
    sessionEnded: "Your session has ended. Please sign in again.",
    network: "We couldn't reach the portal. Check your connection and try again.",
    unexpected: "Something went wrong on our side. Please try again.",
    signOutFailed: "Signing out didn't work. Please try again.",
  },

  loading: "Loading…",
} as const;
