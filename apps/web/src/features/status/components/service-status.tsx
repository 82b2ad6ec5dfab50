import { t } from "@lingui/core/macro";
import { useQuery } from "@tanstack/react-query";
import { formatTime } from "../../../lib/format.ts";
import { statusQuery, type UpstreamStatus } from "../api/status-query.ts";

interface Line {
  key: string;
  dot: string;
  text: string;
}

const GREY = "bg-gray-400";
const GREEN = "bg-emerald-600";
const AMBER = "bg-amber-500";
const RED = "bg-red-600";

/**
 * One line per upstream that is not ok, in plain words: what may be old, and who is not answering;
 * what each upstream means to a member, never its product name (one we don't know yet reads as "other").
 */
function problemText(upstream: string, down: boolean): string {
  switch (upstream) {
    case "crowdtwist":
      return down
        ? t`Rewards data may be out of date: the rewards service is not answering.`
        : t`Rewards data may be out of date: the rewards service is having trouble answering.`;
    case "alida":
      return down
        ? t`Survey details may be out of date: the research community is not answering.`
        : t`Survey details may be out of date: the research community is having trouble answering.`;
    default:
      return down
        ? t`Some details may be out of date: one of our services is not answering.`
        : t`Some details may be out of date: one of our services is having trouble answering.`;
  }
}

function upstreamLine(upstream: UpstreamStatus): Line {
  const down = upstream.state === "down";
  return { key: upstream.name, dot: down ? RED : AMBER, text: problemText(upstream.name, down) };
}

function checkedText(at: number): string {
  const time = formatTime(new Date(at));
  return t`Checked at ${time}.`;
}

/**
 * What works right now, in a member's words: the portal itself, and each service behind it that is
 * not answering (so "online" is never said while the rewards service is down).
 */
export function ServiceStatus() {
  const { data, isPending, isError, isFetching, refetch, dataUpdatedAt, errorUpdatedAt } = useQuery(
    statusQuery(),
  );

  let lines: Line[];
  if (isPending) lines = [{ key: "checking", dot: GREY, text: t`Checking the portal's services…` }];
  else if (isError || !data)
    lines = [{ key: "portal", dot: RED, text: t`The portal is not answering right now.` }];
  else {
    const problems = data.upstreams.filter((upstream) => upstream.state !== "ok").map(upstreamLine);
    lines = problems.length > 0 ? problems : [{ key: "ok", dot: GREEN, text: t`All services are running.` }];
  }
  const checkedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  return (
    <section
      aria-labelledby="service-status-heading"
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-700 dark:bg-gray-900"
    >
      <h2 id="service-status-heading" className="text-base font-semibold">
        {t`Service status`}
      </h2>
      <div role="status" className="mt-2 space-y-1">
        {lines.map((line) => (
          <p key={line.key} className="flex items-start gap-2">
            <span
              aria-hidden="true"
              className={`mt-1.5 inline-block size-3 shrink-0 rounded-full ${line.dot}`}
            />
            {line.text}
          </p>
        ))}
      </div>
      {checkedAt > 0 && (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-300">
          <time dateTime={new Date(checkedAt).toISOString()}>{checkedText(checkedAt)}</time>{" "}
          <button
            type="button"
            onClick={isFetching ? undefined : () => void refetch()}
            aria-disabled={isFetching}
            aria-busy={isFetching}
            className="font-medium text-blue-700 underline underline-offset-2 aria-disabled:cursor-wait dark:text-blue-300"
          >
            {isFetching ? t`Checking…` : t`Check again`}
          </button>
        </p>
      )}
    </section>
  );
}
