import { t } from "@lingui/core/macro";
import { LockIcon } from "../icons.tsx";

/** "Locked", said once; which tier opens it is behind "Why can't I do this?" beside it. */
export function LockNotice() {
  return (
    <p className="flex items-center gap-1.5 text-sm font-medium text-gray-800 dark:text-gray-100">
      <LockIcon className="size-4 shrink-0" />
      {t`Locked`}
    </p>
  );
}
