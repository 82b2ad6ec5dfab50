import { t } from "@lingui/core/macro";
import { GiftIcon, PlusIcon } from "../../../components/icons.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import type { HistoryEntry } from "../api/history-query.ts";
import { entryTitle, signedPointsText } from "../lib/history-text.ts";

// The entries of a points history, newest first: what, when, and the points with their sign. A
// redemption is told apart by its sign, its icon and the word "Redeemed", never by colour
// alone. Shared by the member's history page and a manager's preview of the member.

export function HistoryEntries({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <ol
      aria-label={t`Points history`}
      className="divide-y divide-gray-200 rounded-2xl border border-gray-200 bg-white dark:divide-gray-700 dark:border-gray-700 dark:bg-gray-900"
    >
      {entries.map((entry) => (
        <HistoryEntryItem key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}

function HistoryEntryItem({ entry }: { entry: HistoryEntry }) {
  const redeemed = entry.kind === "redeemed";
  const title = entryTitle(entry);
  return (
    <li data-kind={entry.kind} className="flex items-center gap-3 px-4 py-3">
      <span
        aria-hidden="true"
        className={`grid size-8 shrink-0 place-items-center rounded-full ${
          redeemed
            ? "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-200"
            : "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
        }`}
      >
        {redeemed ? <GiftIcon className="size-4" /> : <PlusIcon className="size-4" />}
      </span>
      <div className="min-w-0 flex-1">
        <p lang={title.lang} className="font-medium break-words">
          {title.text}
        </p>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          {redeemed && <span> · {t`Redeemed`}</span>}
        </p>
      </div>
      <p
        className={`shrink-0 text-right font-semibold tabular-nums ${
          redeemed ? "text-gray-900 dark:text-gray-50" : "text-emerald-700 dark:text-emerald-300"
        }`}
      >
        {signedPointsText(entry.points)}
      </p>
    </li>
  );
}
