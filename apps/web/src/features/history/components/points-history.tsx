import { plural, t } from "@lingui/core/macro";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/api-error.ts";
import { errorText } from "../../../lib/error-text.ts";
import { historyKeys, historyQuery } from "../api/history-query.ts";
import { HistoryEntries } from "./history-entries.tsx";
import { HistorySkeleton } from "./history-skeleton.tsx";

// The member's points history page (its own lazy chunk): the entries, newest first, and "Show more"
// for the next page. A first load that fails goes to the route's error boundary; a page after it that
// fails says so beside the button and keeps what is shown. New entries arrive by themselves: the app
// refetches this query when the live stream says the history changed.

/** The BFF no longer reads the cursor (it was written by an older version): start from the top. */
const isStaleCursor = (error: unknown) =>
  error instanceof ApiError && error.code === "invalid_history_request";

export default function PointsHistory() {
  const queryClient = useQueryClient();
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError } =
    useInfiniteQuery({
      ...historyQuery(),
      // As throwWithoutData (lib), for an infinite query's cache: nothing to show goes to the boundary.
      throwOnError: (_error, query) => query.state.data === undefined,
    });

  if (data === undefined) return <HistorySkeleton />;
  const entries = data.pages.flatMap((page) => page.entries);
  const shown = entries.length;
  if (entries.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-gray-300 p-6 dark:border-gray-600">
        <h2 className="font-semibold">{t`No points yet`}</h2>
        <p className="mt-1 max-w-prose text-gray-700 dark:text-gray-300">{t`The points you earn and the rewards you redeem will be listed here, newest first.`}</p>
      </div>
    );
  }
  const showMore = () => {
    if (!isFetchingNextPage) void fetchNextPage();
  };
  return (
    <div className="space-y-4">
      <HistoryEntries entries={entries} />
      {/* Said when "Show more" adds entries; the button keeps focus, below the new ones. */}
      <p role="status" className="sr-only">
        {plural(shown, { one: "# entry shown", other: "# entries shown" })}
      </p>
      {isFetchNextPageError && (
        <div role="alert" className="text-red-900 dark:text-red-100">
          <p>
            {isStaleCursor(error) ? t`We couldn't load more of your history from here.` : errorText(error)}
          </p>
          {isStaleCursor(error) && (
            <button
              type="button"
              className="button-secondary mt-2"
              onClick={() => void queryClient.resetQueries({ queryKey: historyKeys.all })}
            >
              {t`Start again from the newest`}
            </button>
          )}
        </div>
      )}
      {hasNextPage && !(isFetchNextPageError && isStaleCursor(error)) && (
        // aria-disabled rather than disabled while loading: a disabled button would drop the focus.
        <button
          type="button"
          className="button-secondary"
          aria-disabled={isFetchingNextPage}
          onClick={showMore}
        >
          {isFetchingNextPage ? t`Loading…` : isFetchNextPageError ? t`Try again` : t`Show more`}
        </button>
      )}
    </div>
  );
}
