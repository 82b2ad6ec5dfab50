import { plural, select, t } from "@lingui/core/macro";
import { formatDay, formatMoment, formatPeriodDay, formatPeriodWeekday } from "../../lib/format.ts";
import type { Activity, ActivityUnavailableReason, FrequencyRule } from "./activity-types.ts";
import { progressText, shownProgress } from "./progress-text.ts";

// Words for the BFF's reasons and rules. The BFF sends reasons without the member's score (it is
// not known where the list is cached), so "earn N more points" is filled in from the tier card's.

/** The periods the BFF sends as `frequency.period` (loyalty's `FrequencyPeriod`), from the API's type. */
export type FrequencyPeriod = FrequencyRule["period"];

/** Points still missing for a tier, when the member's score is known. */
export function pointsToTier(tier: { minScore: number } | null, memberScore: number | null): number | null {
  if (memberScore === null || !tier) return null;
  return Math.max(0, Math.ceil(tier.minScore - memberScore));
}

function tierText(tier: string | null, toGo: number | null, earn: boolean): string {
  if (!tier) return t`Reach a higher tier to unlock`;
  if (earn && toGo !== null && toGo > 0) {
    return plural(toGo, {
      one: `Reach ${tier} to unlock — earn # more point`,
      other: `Reach ${tier} to unlock — earn # more points`,
    });
  }
  return t`Reach ${tier} to unlock`;
}

function notStartedText(daysUntil: number, startsAt: string): string {
  if (daysUntil <= 0) return t`Opens later today`;
  const day = formatDay(startsAt);
  if (daysUntil === 1) return t`Opens tomorrow — on ${day}`;
  return plural(daysUntil, { one: `Opens in # day — on ${day}`, other: `Opens in # days — on ${day}` });
}

function communityText(
  block: "closed" | "hidden" | "not_ready",
  kind: "survey" | "forum" | "activity",
): string {
  if (block === "closed") {
    return select(kind, {
      survey: "The survey is closed",
      forum: "The forum is closed",
      other: "The community activity is closed",
    });
  }
  if (block === "hidden") {
    return select(kind, {
      survey: "The survey isn't open to members right now",
      forum: "The forum isn't open to members right now",
      other: "The community activity isn't open to members right now",
    });
  }
  return select(kind, {
    survey: "The survey isn't ready yet",
    forum: "The forum isn't ready yet",
    other: "The community activity isn't ready yet",
  });
}

function capReachedText(period: FrequencyPeriod): string {
  switch (period) {
    case "day":
      return t`You've reached the limit for today`;
    case "week":
      return t`You've reached the limit for this week`;
    case "month":
      return t`You've reached the limit for this month`;
    case "year":
      return t`You've reached the limit for this year`;
    case "lifetime":
      return t`You've done this as many times as it counts`;
    case "rolling_24h":
      return t`You've reached the limit for the last 24 hours`;
    case "rolling_7d":
      return t`You've reached the limit for the last 7 days`;
    case "rolling_30d":
      return t`You've reached the limit for the last 30 days`;
    case "rolling_365d":
      return t`You've reached the limit for the last 365 days`;
    case "unknown":
      return t`You've reached the limit for now`;
  }
}

/**
 * The limit reached and, when waiting helps, when the activity opens again: a calendar period's next
 * start (the program zone's midnight), or the moment a rolling window frees a slot (its day and time).
 */
function capText(period: FrequencyPeriod, resetsAt: string | null, wait: boolean): string {
  const reached = capReachedText(period);
  if (!wait) return reached;
  if (!resetsAt || Number.isNaN(Date.parse(resetsAt))) return t`${reached} — try again later`;
  if (period.startsWith("rolling_")) {
    const when = formatMoment(resetsAt);
    return t`${reached} — you can do this again on ${when}`;
  }
  if (period === "day") return t`${reached} — again tomorrow`;
  // A weekday and a date are two messages: other languages say them differently ("à partir de
  // lundi", "à partir du 1 décembre").
  if (period === "week") {
    const weekday = formatPeriodWeekday(resetsAt);
    return t`${reached} — again from ${weekday}`;
  }
  const day = formatPeriodDay(resetsAt);
  return t`${reached} — again from ${day}`;
}

/** One reason in words, with what the member can do about it when they can do anything. */
export function whyText(reason: ActivityUnavailableReason, memberScore: number | null): string {
  switch (reason.kind) {
    case "tier":
      return tierText(
        reason.unlockTier?.title ?? null,
        reason.pointsToGo ?? pointsToTier(reason.unlockTier, memberScore),
        reason.action === "earn_points",
      );
    case "segment": {
      const name = reason.segmentName;
      return reason.eligibility === "inclusion" ? t`Only for ${name}` : t`Not open to ${name}`;
    }
    case "not_started":
      return notStartedText(reason.daysUntil, reason.startsAt);
    case "ended":
      return t`This activity has ended`;
    case "community":
      return communityText(reason.block, reason.community);
    case "frequency_cap":
      return capText(reason.rule.period, reason.resetsAt, reason.action === "wait");
  }
}

/** "Once a day", "Up to 5 times a week", "Points after every 2 completions"; empty without a rule. */
export function frequencyTexts(rule: FrequencyRule | null | undefined): string[] {
  if (!rule) return [];
  const texts = [capRuleText(rule.cap, rule.period)];
  const completions = rule.requiredAttempts;
  if (completions > 1) {
    texts.push(
      plural(completions, {
        one: "Points after every completion",
        other: "Points after every # completions",
      }),
    );
  }
  return texts;
}

function capRuleText(cap: number, period: FrequencyPeriod): string {
  if (cap <= 0) return t`No points can be earned right now`;
  switch (period) {
    case "day":
      return plural(cap, { one: "Once a day", other: "Up to # times a day" });
    case "week":
      return plural(cap, { one: "Once a week", other: "Up to # times a week" });
    case "month":
      return plural(cap, { one: "Once a month", other: "Up to # times a month" });
    case "year":
      return plural(cap, { one: "Once a year", other: "Up to # times a year" });
    case "lifetime":
      return plural(cap, { one: "Once", other: "Up to # times" });
    case "rolling_24h":
      return plural(cap, { one: "Once in any 24 hours", other: "Up to # times in any 24 hours" });
    case "rolling_7d":
      return plural(cap, { one: "Once in any 7 days", other: "Up to # times in any 7 days" });
    case "rolling_30d":
      return plural(cap, { one: "Once in any 30 days", other: "Up to # times in any 30 days" });
    case "rolling_365d":
      return plural(cap, { one: "Once in any 365 days", other: "Up to # times in any 365 days" });
    case "unknown":
      return plural(cap, { one: "Once per period", other: "Up to # times per period" });
  }
}

/**
 * How often and how points arrive, as short phrases for the card and the details page. Once the
 * member has done it in the period, "2 of 5 times this week" says the rule and the count at once.
 */
export function earningTexts(
  activity: Pick<Activity, "frequency" | "pointsOnClick" | "action" | "progress" | "done">,
): string[] {
  const texts = frequencyTexts(activity.frequency);
  const progress = shownProgress(activity);
  if (progress) texts.splice(0, 1, progressText(progress));
  // Said once: a link that earns on the click says so itself (activity-action.tsx).
  const actionSaysIt = activity.action?.kind === "link" && activity.action.pointsOnClick;
  if (activity.pointsOnClick && !actionSaysIt) texts.push(t`Points as soon as you open it`);
  return texts;
}
