import { plural, t } from "@lingui/core/macro";
import { WarningIcon } from "../../../components/icons.tsx";
import { calendarDaysUntil, formatDay } from "../../../lib/format.ts";
import { useNow } from "../../../lib/use-now.ts";
import type { MemberProfileView } from "../api/me-query.ts";

// Points about to expire, nearest first (the Points Expiration feed, in the profile): the nearest
// always, a couple more where there is room, then how many dates are left. Within SOON_DAYS the line
// is a warning: an icon and "in N days" say it, the amber only underlines it.

export type ExpiringPoints = NonNullable<MemberProfileView["expiringPoints"]>;

/** Within this many days the nearest expiry is a warning. */
export const SOON_DAYS = 30;
/** Expiries listed before "and N more dates". */
const LISTED = 3;

function whenText(iso: string, days: number): string {
  const day = formatDay(iso);
  if (days <= 0) return t`today`;
  if (days === 1) return t`tomorrow`;
  if (days <= SOON_DAYS) return plural(days, { one: `in # day, on ${day}`, other: `in # days, on ${day}` });
  return t`on ${day}`;
}

export function expiringText(points: number, iso: string, days: number): string {
  const when = whenText(iso, days);
  return plural(points, { one: `# pt expires ${when}`, other: `# pts expire ${when}` });
}

/** `restClassName`: for the lines after the nearest (hidden on phones until the card opens). */
export function ExpiringPointsList({
  id,
  expiring,
  restClassName = "",
}: {
  id?: string;
  expiring: ExpiringPoints;
  restClassName?: string;
}) {
  const now = new Date(useNow());
  if (expiring.length === 0) return null;
  const listed = expiring.slice(0, LISTED);
  const more = expiring.length - listed.length;
  return (
    <ul id={id} aria-label={t`Points expiring`} className="mt-3 space-y-1 text-sm">
      {listed.map((entry, index) => {
        const days = calendarDaysUntil(entry.date, now);
        const soon = days <= SOON_DAYS;
        return (
          <li
            key={entry.date}
            className={`flex w-fit items-center gap-1.5 ${index > 0 ? restClassName : ""} ${
              soon
                ? "rounded-md bg-amber-50 px-2 py-1 font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-50"
                : "text-gray-700 dark:text-gray-300"
            }`}
          >
            {soon && <WarningIcon className="size-4 shrink-0" />}
            <time dateTime={entry.date}>{expiringText(entry.points, entry.date, days)}</time>
          </li>
        );
      })}
      {more > 0 && (
        <li className={`text-gray-700 dark:text-gray-300 ${restClassName}`}>
          {plural(more, { one: "and # more date", other: "and # more dates" })}
        </li>
      )}
    </ul>
  );
}
