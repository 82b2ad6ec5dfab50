import { plural, t } from "@lingui/core/macro";
import { formatDateTime, formatDay } from "../../../lib/format.ts";
import { useNow } from "../../../lib/use-now.ts";

function updatedText(ageSeconds: number, iso: string): string {
  if (ageSeconds < 45) return t`Updated just now`;
  if (ageSeconds < 3600) {
    const minutes = Math.max(1, Math.round(ageSeconds / 60));
    return plural(minutes, { one: "Updated # min ago", other: "Updated # min ago" });
  }
  if (ageSeconds < 86_400) {
    const hours = Math.round(ageSeconds / 3600);
    return plural(hours, { one: "Updated # hour ago", other: "Updated # hours ago" });
  }
  const day = formatDay(iso);
  return t`Updated on ${day}`;
}

/** "Updated just now" / "Updated 2 min ago", from when the portal received the profile. */
export function FreshnessText({ at }: { at: string }) {
  const now = useNow();
  const ageSeconds = Math.max(0, (now - new Date(at).getTime()) / 1000);
  return (
    <p className="text-sm text-gray-600 dark:text-gray-300">
      <time dateTime={at} title={formatDateTime(at)}>
        {updatedText(ageSeconds, at)}
      </time>
    </p>
  );
}
