import { t } from "@lingui/core/macro";
import { CheckIcon } from "../icons.tsx";

/** "Done": a once-only activity the member has completed, never offered again (icon and word). */
export function DoneNotice() {
  return (
    <p className="flex items-center gap-1.5 text-sm font-semibold text-emerald-800 dark:text-emerald-200">
      <CheckIcon className="size-4 shrink-0" />
      {t`Done`}
    </p>
  );
}
