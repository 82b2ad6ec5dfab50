import { t } from "@lingui/core/macro";
import type { MemberProfileView } from "../api/me-query.ts";
import { tierEventText } from "../lib/tier-event-text.ts";

type History = MemberProfileView["history"];

/**
 * Drops an entry that repeats the one before it (same event, same tier, same day): a re-sent push
 * is one change to the member, however many times CrowdTwist recorded it.
 */
export function collapseRepeats(history: History): History {
  const day = (iso: string) => iso.slice(0, 10);
  return history.filter((entry, index) => {
    const previous = history[index - 1];
    return !(
      previous &&
      previous.event === entry.event &&
      previous.tierTitle === entry.tierTitle &&
      day(previous.at) === day(entry.at)
    );
  });
}

/** The tier changes, newest first, as a vertical timeline. */
export function TierHistory({ history: raw }: { history: History }) {
  const history = collapseRepeats(raw);
  return (
    <section aria-labelledby="tier-history-heading">
      <h3 id="tier-history-heading" className="text-sm font-semibold">
        {t`Tier history`}
      </h3>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-300">{t`No tier changes yet.`}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-gray-200 pl-4 dark:border-gray-700">
          {history.map((entry) => (
            <li key={`${entry.at}-${entry.event}-${entry.tierTitle}`} className="relative text-sm">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-primary"
              />
              <time dateTime={entry.at}>{tierEventText(entry.event, entry.tierTitle, entry.at)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
