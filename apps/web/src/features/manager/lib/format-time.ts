// Dates for managers: day and time in the manager's own time zone, named, so "ends 23:59" is never
// read in the wrong zone, in the portal's language. Numbers go through lib/format.ts as on the member side.

import { formattingLocale } from "../../../lib/format.ts";

const options: Intl.DateTimeFormatOptions = {
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

let format = { locale: "", dateTime: new Intl.DateTimeFormat("en", options) };

/** The format for the language in force, made again only when the language changes. */
function dateTime(): Intl.DateTimeFormat {
  const locale = formattingLocale();
  if (format.locale !== locale) format = { locale, dateTime: new Intl.DateTimeFormat(locale, options) };
  return format.dateTime;
}

export const managerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatZoned(iso: string | null): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? dateTime().format(date) : null;
}
