import { type Observed, managerMessages as s } from "../messages.ts";

// Available, locked, hidden: an icon and a word, so the state never rests on colour alone.

const TONES: Record<Observed | "unknown", string> = {
  available: "bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50",
  locked: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  hidden: "bg-gray-200 text-gray-900 dark:bg-gray-700 dark:text-gray-50",
  absent: "bg-gray-200 text-gray-900 dark:bg-gray-700 dark:text-gray-50",
  unknown:
    "bg-white text-gray-800 ring-1 ring-gray-300 dark:bg-gray-900 dark:text-gray-100 dark:ring-gray-600",
};

function StateIcon({ state }: { state: Observed | "unknown" }) {
  const path = {
    available:
      "M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z",
    locked:
      "M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z",
    hidden:
      "M3.3 2.3a1 1 0 0 0-1.4 1.4l14 14a1 1 0 0 0 1.4-1.4l-1.8-1.8A9.7 9.7 0 0 0 19 10c-1.3-3.5-5-6-9-6a9.4 9.4 0 0 0-3.9.8L3.3 2.3ZM10 16c-4 0-7.7-2.5-9-6 .6-1.5 1.6-2.8 2.8-3.8L6 8.4a4 4 0 0 0 5.6 5.6l1.5 1.5A9.5 9.5 0 0 1 10 16Z",
    absent:
      "M3.3 2.3a1 1 0 0 0-1.4 1.4l14 14a1 1 0 0 0 1.4-1.4l-1.8-1.8A9.7 9.7 0 0 0 19 10c-1.3-3.5-5-6-9-6a9.4 9.4 0 0 0-3.9.8L3.3 2.3ZM10 16c-4 0-7.7-2.5-9-6 .6-1.5 1.6-2.8 2.8-3.8L6 8.4a4 4 0 0 0 5.6 5.6l1.5 1.5A9.5 9.5 0 0 1 10 16Z",
    unknown:
      "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-1-5h2v2H9v-2Zm1-8a3 3 0 0 1 1 5.8V12H9v-2.5a1 1 0 0 1 1-1 1 1 0 1 0-1-1H7a3 3 0 0 1 3-2.5Z",
  }[state];
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-3.5 shrink-0">
      <path fillRule="evenodd" clipRule="evenodd" d={path} />
    </svg>
  );
}

export function StateBadge({ state }: { state: Observed | null }) {
  const key = state ?? "unknown";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[key]}`}
    >
      <StateIcon state={key} />
      {s.states[key]}
    </span>
  );
}
