import { strings } from "../../../config/strings.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useNow } from "../../../lib/use-now.ts";

/** "Updated just now" / "Updated 2 min ago", from when the portal received the profile. */
export function FreshnessText({ at }: { at: string }) {
  const now = useNow();
  const ageSeconds = Math.max(0, (now - new Date(at).getTime()) / 1000);
  return (
    <p className="text-sm text-gray-600 dark:text-gray-300">
      <time dateTime={at} title={formatDateTime(at)}>
        {strings.freshness.updated(ageSeconds, at)}
      </time>
    </p>
  );
}
