// Numbers and dates in the portal's language (the browser's own variant of it: "fr-CA", "en-GB"),
// set by lib/i18n when the language is chosen. The words around them live in the message catalogs.
// Dates are shown in the program's time zone (PROGRAM_TIME_ZONE, sent by the BFF with /api/me): the
// server starts "today" and "this week" at that zone's midnight, so a Monday 00:00 reset reads
// "Monday" in every browser, not the Sunday evening it is in another zone.

let locale = "en";

function numberFormats() {
  return {
    integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  };
}

function dateFormats(timeZone: string) {
  return {
    timeZone,
    year: new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }),
    dayMonth: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone }),
    dayMonthYear: new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone,
    }),
    weekday: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone }),
  };
}

let numbers = numberFormats();
let formats = dateFormats("UTC");

/** The tag numbers and dates are written in (lib/i18n/i18n.ts sets it with the language). */
export function setFormattingLocale(tag: string): void {
  if (tag === locale) return;
  locale = tag;
  numbers = numberFormats();
  formats = dateFormats(formats.timeZone);
}

/** The zone every date is shown in; an unknown name keeps the current one (UTC until told). */
export function setProgramTimeZone(timeZone: string): void {
  if (timeZone === formats.timeZone) return;
  try {
    formats = dateFormats(timeZone);
  } catch {
    // A zone this browser does not know: keep showing dates in the one it had.
  }
}

export const programTimeZone = () => formats.timeZone;

/** The tag numbers and dates are written in now, for formats of their own (the manager area's). */
export const formattingLocale = () => locale;

export const formatInteger = (value: number) => numbers.integer.format(value);
export const formatDecimal = (value: number) => numbers.decimal.format(value);

/** "3 March" this year (in the program's zone), "3 March 2025" otherwise. */
export function formatDay(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameYear = formats.year.format(date) === formats.year.format(now);
  return sameYear ? formats.dayMonth.format(date) : formats.dayMonthYear.format(date);
}

// Made when first asked (only the expiring points count days), in a locale whose data is loaded
// already, so the first render after /api/me pays for nothing it does not show.
let calendar: { timeZone: string; format: Intl.DateTimeFormat } | null = null;

/** The calendar day of `date` in the program's zone, as the UTC midnight of the same date. */
function calendarDay(date: Date): number {
  if (calendar?.timeZone !== formats.timeZone) {
    const options = {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      timeZone: formats.timeZone,
    } as const;
    calendar = { timeZone: formats.timeZone, format: new Intl.DateTimeFormat("en-US", options) };
  }
  const parts = calendar.format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/** Whole calendar days from `now` to `iso` in the program's zone: 0 today, 1 tomorrow, −1 yesterday. */
export function calendarDaysUntil(iso: string, now = new Date()): number {
  return Math.round((calendarDay(new Date(iso)) - calendarDay(now)) / 86_400_000);
}

export const formatDateTime = (iso: string) => formats.dateTime.format(new Date(iso));

/** A clock time, "10:32:05", in the program's zone like every date. */
export const formatTime = (date: Date) => formats.time.format(date);

/** A calendar period's boundary: "Monday", "1 April", as the program's zone names it. */
export const formatPeriodWeekday = (iso: string) => formats.weekday.format(new Date(iso));
export const formatPeriodDay = (iso: string) => formats.dayMonth.format(new Date(iso));
