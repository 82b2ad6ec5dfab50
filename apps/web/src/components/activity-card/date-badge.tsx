import { plural, t } from "@lingui/core/macro";
import { ClockIcon } from "../icons.tsx";
import type { Activity } from "./activity-types.ts";

const TONES = {
  upcoming: "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
  ending_soon: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  open: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-100",
  expired: "bg-gray-200 text-gray-800 dark:bg-gray-700 dark:text-gray-100",
} as const;

/** "Starts in 10 days", "Ends in 2 days", "Ended"; nothing for an activity without dates. */
export function DateBadge({ window }: { window: Activity["window"] }) {
  const text = badgeText(window);
  if (!text) return null;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[window.state]}`}
    >
      <ClockIcon className="size-3.5" />
      {text}
    </span>
  );
}

export function badgeText(window: Activity["window"]): string | null {
  if (window.state === "expired") return t`Ended`;
  const days = window.daysLeft;
  if (days === null) return null;
  if (window.state === "upcoming") {
    return days <= 1
      ? t`Starts tomorrow`
      : plural(days, { one: "Starts in # day", other: "Starts in # days" });
  }
  if (days <= 0) return t`Ends today`;
  return days === 1 ? t`Ends tomorrow` : plural(days, { one: "Ends in # day", other: "Ends in # days" });
}
