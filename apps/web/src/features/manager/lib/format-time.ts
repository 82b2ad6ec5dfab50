// Dates for managers: day and time in the manager's own time zone, named, so "ends 23:59" is never
// read in the wrong zone. Numbers go through lib/format.ts as on the member side.

const locale = typeof navigator === "undefined" ? "en" : (navigator.languages?.[0] ?? navigator.language);

const dateTime = new Intl.DateTimeFormat(locale, {
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

export const managerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatZoned(iso: string | null): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? dateTime.format(date) : null;
}
