import { useQuery } from "@tanstack/react-query";
import { healthQuery } from "../api/health-query.ts";

/** Whether the portal's service answers, checked through the BFF's health route. */
export function ServiceStatus() {
  const { data, isPending, isError, refetch, dataUpdatedAt } = useQuery(healthQuery());

  let dot = "bg-gray-400";
  let text = "Checking the portal service…";
  if (isError) {
    dot = "bg-red-600";
    text = "The portal service is not answering right now.";
  } else if (data?.status === "ok") {
    dot = "bg-emerald-600";
    text = "The portal service is online.";
  }

  return (
    <section
      aria-labelledby="service-status-heading"
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-700 dark:bg-gray-900"
    >
      <h2 id="service-status-heading" className="text-base font-semibold">
        Service status
      </h2>
      <p role="status" className="mt-2 flex items-center gap-2">
        <span aria-hidden="true" className={`inline-block size-3 rounded-full ${dot}`} />
        {text}
      </p>
      {!isPending && (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-300">
          Checked at{" "}
          <time dateTime={new Date(dataUpdatedAt).toISOString()}>
            {new Date(dataUpdatedAt).toLocaleTimeString()}
          </time>
          .{" "}
          <button
            type="button"
            onClick={() => void refetch()}
            className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
          >
            Check again
          </button>
        </p>
      )}
    </section>
  );
}
