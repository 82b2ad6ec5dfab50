import { useQuery } from "@tanstack/react-query";
import { strings } from "../../../config/strings.ts";
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

function upstreamLine(upstream: UpstreamStatus): Line {
  const state = upstream.state === "down" ? "down" : "degraded";
  return {
    key: upstream.name,
    dot: state === "down" ? RED : AMBER,
    text: strings.status.problem(upstream.name, state),
  };
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
  if (isPending) lines = [{ key: "checking", dot: GREY, text: strings.status.checking }];
  else if (isError || !data) lines = [{ key: "portal", dot: RED, text: strings.status.unreachable }];
  else {
    const problems = data.upstreams.filter((upstream) => upstream.state !== "ok").map(upstreamLine);
    lines = problems.length > 0 ? problems : [{ key: "ok", dot: GREEN, text: strings.status.allRunning }];
  }
  const checkedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  return (
    <section
      aria-labelledby="service-status-heading"
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-700 dark:bg-gray-900"
    >
      <h2 id="service-status-heading" className="text-base font-semibold">
        {strings.status.heading}
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
          {strings.status.checkedAt}{" "}
          <time dateTime={new Date(checkedAt).toISOString()}>{new Date(checkedAt).toLocaleTimeString()}</time>
          .{" "}
          <button
            type="button"
            onClick={isFetching ? undefined : () => void refetch()}
            aria-disabled={isFetching}
            aria-busy={isFetching}
            className="font-medium text-blue-700 underline underline-offset-2 aria-disabled:cursor-wait dark:text-blue-300"
          >
            {isFetching ? strings.status.checkingAgain : strings.status.checkAgain}
          </button>
        </p>
      )}
    </section>
  );
}
