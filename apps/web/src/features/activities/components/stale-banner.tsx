import { strings } from "../../../config/strings.ts";
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

const outcomeText: Partial<Record<CheckOutcome, string>> = {
  stale: strings.activities.stillStale,
  failed: strings.activities.checkFailed,
};

/**
 * The member is looking at old data: say how old and why, offer a check. A live region, so what a
 * check finds is announced; the button stays focusable while busy (aria-disabled, not disabled) so
 * a keyboard user keeps their place.
 */
export function StaleBanner({ fetchedAt, reason, checking, outcome, onRetry }: Props) {
  const now = useNow();
  const ageMinutes = Math.max(0, Math.floor((now - new Date(fetchedAt).getTime()) / 60_000));
  const found = outcome ? outcomeText[outcome] : undefined;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div>
        <p className="font-semibold">{strings.activities.stale(ageMinutes, fetchedAt)}</p>
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
        {checking ? strings.activities.checking : strings.activities.tryAgain}
      </button>
    </div>
  );
}
