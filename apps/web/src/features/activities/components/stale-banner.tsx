import { strings } from "../../../config/strings.ts";
import { useNow } from "../../../lib/use-now.ts";

/** The BFF could not reach CrowdTwist and served its last good copy: say how old, offer a retry. */
export function StaleBanner({
  fetchedAt,
  onRetry,
  retrying,
}: {
  fetchedAt: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const now = useNow();
  const ageMinutes = Math.max(0, Math.floor((now - new Date(fetchedAt).getTime()) / 60_000));
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div>
        <p className="font-semibold">{strings.activities.stale(ageMinutes, fetchedAt)}</p>
        <p className="text-sm">{strings.activities.staleReason}</p>
      </div>
      <button type="button" onClick={onRetry} disabled={retrying} className="button-secondary">
        {strings.activities.tryAgain}
      </button>
    </div>
  );
}
