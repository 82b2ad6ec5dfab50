import { plural, t } from "@lingui/core/macro";
import { formatDay } from "../../../lib/format.ts";
import { useNow } from "../../../lib/use-now.ts";
import type { CheckOutcome } from "../hooks/use-stale-check.ts";

interface Props {
  fetchedAt: string;
  /** Why the data may be old: the rewards service is down, or the portal itself could not be reached. */
  reason: string;
  checking: boolean;
  /** What the member's last "Try again" found; null before one, or while it runs. */
  outcome: CheckOutcome | null;
  onRetry: () => void;
}

function outcomeText(outcome: CheckOutcome | null): string | null {
  if (outcome === "stale")
    return t`Still no answer from the rewards service. We'll keep checking every few seconds.`;
  if (outcome === "failed")
    return t`We couldn't reach the portal to check. We'll keep trying every few seconds.`;
  return null;
}

/** "Showing your activities from 5 minutes ago.", from hours ago, or from a day. */
export function staleText(ageMinutes: number, fetchedAt: string): string {
  if (ageMinutes < 60) {
    const minutes = Math.max(1, ageMinutes);
    return plural(minutes, {
      one: "Showing your activities from # minute ago.",
      other: "Showing your activities from # minutes ago.",
    });
  }
  if (ageMinutes < 48 * 60) {
    const hours = Math.round(ageMinutes / 60);
    return plural(hours, {
      one: "Showing your activities from # hour ago.",
      other: "Showing your activities from # hours ago.",
    });
  }
  const day = formatDay(fetchedAt);
  return t`Showing your activities from ${day}.`;
}

/**
 * The member is looking at old data: say how old and why, offer a check. A live region, so what a
 * check finds is announced; the button stays focusable while busy (aria-disabled, not disabled) so
 * a keyboard user keeps their place.
 */
export function StaleBanner({ fetchedAt, reason, checking, outcome, onRetry }: Props) {
  const now = useNow();
  const ageMinutes = Math.max(0, Math.floor((now - new Date(fetchedAt).getTime()) / 60_000));
  const found = outcomeText(outcome);
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div>
        <p className="font-semibold">{staleText(ageMinutes, fetchedAt)}</p>
        <p className="text-sm">{reason}</p>
        {found && <p className="mt-1 text-sm font-medium">{found}</p>}
      </div>
      <button
        type="button"
        onClick={checking ? undefined : onRetry}
        aria-disabled={checking}
        aria-busy={checking}
        className="button-secondary aria-disabled:cursor-not-allowed aria-disabled:bg-gray-100 aria-disabled:text-gray-600 dark:aria-disabled:bg-gray-800 dark:aria-disabled:text-gray-300"
      >
        {checking ? t`Checking…` : t`Try again`}
      </button>
    </div>
  );
}
