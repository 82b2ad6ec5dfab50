import { plural } from "@lingui/core/macro";
import { formatInteger } from "../../lib/format.ts";
import type { Activity } from "./activity-types.ts";

// "2 of 5 times this week": the member's completions of a capped activity in its current period,
// from the completions CrowdTwist pushed (the BFF counts them in the rule's window). Counts and the
// cap are in completions, so an activity that pays every second completion still adds up.

export type CompletionProgress = NonNullable<Activity["progress"]>;

/** One whole message per period, the cap deciding "time" or "times". */
export function progressText({ count, cap, period }: CompletionProgress): string {
  const done = formatInteger(count);
  switch (period) {
    case "day":
      return plural(cap, { one: `${done} of # time today`, other: `${done} of # times today` });
    case "week":
      return plural(cap, { one: `${done} of # time this week`, other: `${done} of # times this week` });
    case "month":
      return plural(cap, { one: `${done} of # time this month`, other: `${done} of # times this month` });
    case "year":
      return plural(cap, { one: `${done} of # time this year`, other: `${done} of # times this year` });
    case "rolling_24h":
      return plural(cap, {
        one: `${done} of # time in the last 24 hours`,
        other: `${done} of # times in the last 24 hours`,
      });
    case "rolling_7d":
      return plural(cap, {
        one: `${done} of # time in the last 7 days`,
        other: `${done} of # times in the last 7 days`,
      });
    case "rolling_30d":
      return plural(cap, {
        one: `${done} of # time in the last 30 days`,
        other: `${done} of # times in the last 30 days`,
      });
    case "rolling_365d":
      return plural(cap, {
        one: `${done} of # time in the last 365 days`,
        other: `${done} of # times in the last 365 days`,
      });
    case "lifetime":
    case "unknown":
      return plural(cap, { one: `${done} of # time so far`, other: `${done} of # times so far` });
  }
}

/**
 * What the card says of the member's progress: nothing before the first completion of the period
 * (the rule says how often already), nothing once done (the card says "Done").
 */
export function shownProgress(activity: Pick<Activity, "progress" | "done">): CompletionProgress | null {
  const progress = activity.progress ?? null;
  if (activity.done || !progress || progress.count <= 0) return null;
  return progress;
}
