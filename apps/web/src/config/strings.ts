import type { SignInFailureReason } from "@portal/bff/auth/sign-in-failure";
import type { Activity } from "../components/activity-card/activity-types.ts";
import {
  formatDay,
  formatDecimal,
  formatInteger,
  formatPeriodDay,
  formatPeriodWeekday,
} from "../lib/format.ts";

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

const morePoints = (count: number) => plural(count, { one: "# more point", other: "# more points" });

/** The periods the BFF sends as `frequency.period` (loyalty's `FrequencyPeriod`), from the API's type. */
export type FrequencyPeriod = NonNullable<Activity["frequency"]>["period"];

const periodSuffix: Record<FrequencyPeriod, string> = {
  day: " a day",
  week: " a week",
  month: " a month",
  year: " a year",
  lifetime: "",
  rolling_24h: " in any 24 hours",
  rolling_7d: " in any 7 days",
  rolling_30d: " in any 30 days",
  rolling_365d: " in any 365 days",
  unknown: " per period",
};

const capReachedFor: Record<FrequencyPeriod, string> = {
  day: "You've reached the limit for today",
  week: "You've reached the limit for this week",
  month: "You've reached the limit for this month",
  year: "You've reached the limit for this year",
  lifetime: "You've done this as many times as it counts",
  rolling_24h: "You've reached the limit for now",
  rolling_7d: "You've reached the limit for now",
  rolling_30d: "You've reached the limit for now",
  rolling_365d: "You've reached the limit for now",
  unknown: "You've reached the limit for now",
};

/** When a capped activity opens again; calendar periods restart at the program zone's midnight. */
function againFrom(period: FrequencyPeriod, resetsAt: string | null): string {
  if (!resetsAt) return "try again later";
  if (period === "day") return "again tomorrow";
  if (period === "week") return `again from ${formatPeriodWeekday(resetsAt)}`;
  return `again from ${formatPeriodDay(resetsAt)}`;
}

// Tier assignments only: an update of points is no event in the member's history (ADR 0018).
type TierEventName = "JUMP" | "DROP" | "MAINTAIN" | "RESET" | "START";

const tierEvents: Record<TierEventName, (tier: string, day: string) => string> = {
  JUMP: (tier, day) => `You reached ${tier} on ${day}`,
  DROP: (tier, day) => `You moved down to ${tier} on ${day}`,
  MAINTAIN: (tier, day) => `You kept ${tier} on ${day}`,
  RESET: (tier, day) => `Your ${tier} tier points started again from 0 on ${day}`,
  START: (tier, day) => `You started at ${tier} on ${day}`,
};
/** An assignment the rewards program did not name (we learned of it from a later update). */
const tierSince = (tier: string, day: string) => `You've held ${tier} since ${day}`;

/** What each upstream means to a member, never its product name; a name we don't know yet reads as "other". */
const upstreamWords: Record<string, { data: string; service: string } | undefined> = {
  crowdtwist: { data: "Rewards data", service: "the rewards service" },
  alida: { data: "Survey details", service: "the research community" },
};
const otherUpstream = { data: "Some details", service: "one of our services" };

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
        text: "The points you really earn, bonuses included.",
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
    more: "More about your tier",
    heading: "Your tier",
    noProfileTitle: "Your tier is on its way",
    noProfile:
      "Your tier details will appear here as soon as the rewards program sends them. This usually takes a few minutes after you join or earn points.",
    currentTier: "Current tier",
    noTier: "No tier yet",
    points: "Points",
    totalPoints: (total: number) => `${pts(total)} earned in all`,
    redeemable: (count: number) => `${pts(count)} to spend`,
    pointsWhy:
      "Points you spend on rewards, or that expire, come off what you can spend — never off what you've earned.",
    tierScore: (score: number, threshold: number) =>
      `${formatInteger(score)} of ${formatInteger(threshold)} tier pts`,
    tierScoreOnly: (score: number) => `${formatInteger(score)} tier pts`,
    ladder: "Every tier and its benefits",
    ladderFrom: (from: number) =>
      from === 0 ? "Where everyone starts" : `From ${formatInteger(from)} tier pts`,
    ladderHere: "You're here",
    ladderToGo: (points: number) => `${formatInteger(points)} more tier pts`,
    ladderBelow: "Earlier tier",
    benefitsHeading: (tier: string) => `Your ${tier} benefits`,
    toNext: (points: number, tier: string) => `${pts(points)} to ${tier}`,
    progressLabel: (tier: string) => `Progress to ${tier}`,
    topTier: (tier: string) => `${tier} is our top tier. You've reached the highest level.`,
    topTierBadge: "Top tier",
    keepTitle: "Keep your tier",
    keep: (points: number, tier: string, byIso: string | null) =>
      points === 0
        ? byIso
          ? `You've earned enough to keep ${tier}: it's yours until at least ${formatDay(byIso)}.`
          : `You've done enough to keep ${tier}.`
        : byIso
          ? `Earn ${pts(points)} by ${formatDay(byIso)} to keep ${tier}.`
          : `Earn ${pts(points)} to keep ${tier}.`,
    daysLeft: (count: number) => (count <= 0 ? "Last day" : `${days(count)} left`),
    atRisk: "At risk",
    resetDate: (iso: string) => `Your points period resets on ${formatDay(iso)}.`,
    event: (event: TierEventName | null, tier: string, iso: string) =>
      (event ? tierEvents[event] : tierSince)(tier, formatDay(iso)),
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
    filtersButton: "Filter and sort",
    category: "Category",
    state: "Show",
    sort: "Sort by",
    allCategories: "All categories",
    categories: { "1": "Share", "2": "Socialize", "3": "Interact", "4": "Buy" } as Record<string, string>,
    otherCategory: "Other",
    states: {
      all: "All current",
      available: "Available",
      locked: "Locked",
      upcoming: "Upcoming",
      ending_soon: "Ending soon",
      ended: "Ended",
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
    checking: "Checking…",
    stillStale: "Still no answer from the rewards service. We'll keep checking every few seconds.",
    checkFailed: "We couldn't reach the portal to check. We'll keep trying every few seconds.",
    upToDate: "Your activities are up to date.",
    points: (count: number) => pts(count),
    basePoints: (count: number) => `${pts(count)} base`,
    campaign: (multiplier: number, title: string, gift: number) =>
      [
        multiplier !== 1 ? `${formatDecimal(multiplier)}× ${title}` : title,
        gift > 0 ? `+${formatInteger(gift)}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    /** The program's campaign stacking rule (program config), the only source of these words. */
    campaignStacking: {
      best_single: "Only the biggest bonus counts.",
      additive: "Bonuses add up.",
      multiplicative: "Multipliers multiply; gifts add up.",
    } satisfies Record<Activity["points"]["stacking"], string>,
    campaignNotApplied: (stacking: Activity["points"]["stacking"], belowBase: boolean) =>
      belowBase
        ? "not counted: worth less than the activity's own points"
        : stacking === "best_single"
          ? "not counted: only the biggest bonus counts"
          : "not counted",
    lockedState: "Locked",
    startsIn: (count: number) => (count <= 1 ? "Starts tomorrow" : `Starts in ${days(count)}`),
    endsIn: (count: number) =>
      count <= 0 ? "Ends today" : count === 1 ? "Ends tomorrow" : `Ends in ${days(count)}`,
    ended: "Ended",
    notOpenAction: "Not open yet",
    /** Alida could not be asked: the activity is offered on the rewards program's word. */
    communityUnchecked: "We couldn't check the community just now, so it may not be open.",
    inactiveTitle: "Your account is inactive",
    inactive:
      "Your rewards account isn't active, so activities can't earn you points right now. Your tier and points are shown as they were. Please contact member care to reactivate it.",
    endedAction: "Ended",
  },

  why: {
    button: "Why can't I do this?",
    heading: "Why you can't do this now",
    tier: (tier: string | null, toGo: number | null, earn: boolean) => {
      if (!tier) return "Reach a higher tier to unlock";
      return earn && toGo !== null && toGo > 0
        ? `Reach ${tier} to unlock — earn ${morePoints(toGo)}`
        : `Reach ${tier} to unlock`;
    },
    segment: (name: string, eligibility: "inclusion" | "exclusion") =>
      eligibility === "inclusion" ? `Only for ${name}` : `Not open to ${name}`,
    notStarted: (daysUntil: number, startsAt: string) => {
      if (daysUntil <= 0) return "Opens later today";
      const when = daysUntil === 1 ? "Opens tomorrow" : `Opens in ${days(daysUntil)}`;
      return `${when} — on ${formatDay(startsAt)}`;
    },
    ended: "This activity has ended",
    community: (block: "closed" | "hidden" | "not_ready", kind: "survey" | "forum" | "activity") => {
      const what = kind === "activity" ? "The community activity" : `The ${kind}`;
      if (block === "closed") return `${what} is closed`;
      if (block === "hidden") return `${what} isn't open to members right now`;
      return `${what} isn't ready yet`;
    },
    capReached: (period: FrequencyPeriod, resetsAt: string | null, wait: boolean) =>
      wait ? `${capReachedFor[period]} — ${againFrom(period, resetsAt)}` : capReachedFor[period],
  },

  frequency: {
    heading: "How often",
    /** "Once", "Once a day", "Up to 5 times a week". */
    cap: (cap: number, period: FrequencyPeriod) =>
      cap <= 0
        ? "No points can be earned right now"
        : `${plural(cap, { one: "Once", other: "Up to # times" })}${periodSuffix[period]}`,
    attempts: (required: number) =>
      plural(required, { one: "Points after every completion", other: "Points after every # completions" }),
    pointsOnClick: "Points as soon as you open it",
  },

  plan: {
    nextHeading: (tier: string) => `Your path to ${tier}`,
    next: (count: number, tier: string) =>
      plural(count, {
        one: `Complete this activity to reach ${tier}`,
        other: `Complete these # activities to reach ${tier}`,
      }),
    keep: (tier: string, byIso: string | null) =>
      byIso ? `To keep ${tier} by ${formatDay(byIso)}:` : `To keep ${tier}:`,
    times: (count: number) => plural(count, { one: "once", other: "# times" }),
    shortfall: (total: number, shortfall: number) =>
      `Even all your open activities (${pts(total)}) fall short by ${pts(shortfall)} — new activities may open soon.`,
    nothingOpen: "There are no open activities that earn points right now — new activities may open soon.",
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

  signedOut: {
    title: "You're signed out",
    text: "You've signed out of the loyalty portal. On a shared computer, close the browser too.",
    signInAgain: "Sign in again",
    home: "Go to the home page",
  },

  signInFailed: {
    title: "We couldn't sign you in",
    /** One per reason the BFF sends (`SignInFailureReason`); anything else reads as `failed`. */
    reasons: {
      expired: "That sign-in link has expired or was already used. Sign-in links work once, for ten minutes.",
      denied: "Sign-in was cancelled, or your account didn't allow access to the portal.",
      unavailable: "The sign-in service isn't answering right now. Please try again in a few minutes.",
      busy: "There have been too many sign-in attempts from your network. Please wait a minute, then try again.",
      unverified:
        "Your email address isn't verified yet. Verify it with your sign-in provider (look for their email), then sign in again.",
      no_member:
        "Your sign-in didn't say which rewards account is yours, so we can't show it. Please contact support and quote the reference below.",
      failed: "Something went wrong while signing you in. Please try again.",
    } satisfies Record<SignInFailureReason, string>,
    signInAgain: "Sign in again",
    home: "Go to the home page",
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
    timeout: "The portal is taking too long to answer. Check your connection and try again.",
  },

  status: {
    heading: "Service status",
    checking: "Checking the portal's services…",
    unreachable: "The portal is not answering right now.",
    allRunning: "All services are running.",
    /** One line per upstream that is not ok, in plain words: what may be old, and who is not answering. */
    problem: (upstream: string, state: "degraded" | "down") => {
      const { data, service } = upstreamWords[upstream] ?? otherUpstream;
      return `${data} may be out of date: ${service} ${state === "down" ? "is not answering" : "is having trouble answering"}.`;
    },
    checkedAt: "Checked at",
    checkAgain: "Check again",
    checkingAgain: "Checking…",
  },

  /** What a live update says when it arrives (toast and screen reader alike). */
  announce: {
    earned: (count: number) => `You earned ${plural(count, { one: "# point", other: "# points" })}`,
    lost: (count: number) =>
      `Your points went down by ${plural(count, { one: "# point", other: "# points" })}`,
    tierUp: (tier: string) => `You reached ${tier}!`,
    tierDown: (tier: string) => `Your tier is now ${tier}.`,
    region: "Notifications",
    shortcut: "Alt+T moves here from anywhere on the page.",
    dismiss: "Dismiss",
  },

  loading: "Loading…",
} as const;
