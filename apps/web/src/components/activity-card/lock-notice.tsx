import { strings } from "../../config/strings.ts";
import { LockIcon } from "../icons.tsx";

/** "Reach Silver to unlock", behind a lock icon that screen readers name. */
export function LockNotice({ id, tierTitle }: { id: string; tierTitle: string | null }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-gray-800 dark:text-gray-100">
      <span role="img" aria-label={strings.activities.lockedIcon} className="mt-0.5 shrink-0">
        <LockIcon />
      </span>
      {strings.why.tier(tierTitle, null, false)}
    </p>
  );
}
