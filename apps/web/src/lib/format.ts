// Numbers and dates in the portal's language (the browser's own variant of it: "fr-CA", "en-GB"),
// set by lib/i18n when the language is chosen. The words around them live in the message catalogs.
// Dates are shown in the program's time zone (PROGRAM_TIME_ZONE, sent by the BFF with /api/me): the
// server starts "today" and "this week" at that zone's midnight, so a Monday 00:00 reset reads
// "Monday" in every browser, not the Sunday evening it is in another zone.

let locale = "en";
let timeZone = "UTC";

// Each format is made when first used, for the locale and zone of the moment, and kept until either
// changes: the first render after /api/me pays only for the formats it shows (an Intl format costs
// far more to make than to use).

const DATE_OPTIONS = {
  year: { year: "numeric" },
  dayMonth: { day: "numeric", month: "long" },
  dayMonthYear: { day: "numeric", month: "long", year: "numeric" },
  weekday: { weekday: "long" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  momentThisYear: { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" },
  moment: {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  },
  time: { timeStyle: "medium" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type DateFormatName = keyof typeof DATE_OPTIONS;

let dates = new Map<DateFormatName, Intl.DateTimeFormat>();
let numbers = new Map<"integer" | "decimal", Intl.NumberFormat>();

function dateFormat(name: DateFormatName): Intl.DateTimeFormat {
  let format = dates.get(name);
  if (!format) {
    // The year only compares two dates, in any language.
    format = new Intl.DateTimeFormat(name === "year" ? "en-US" : locale, { ...DATE_OPTIONS[name], timeZone });
    dates.set(name, format);
  }
  return format;
}

function numberFormat(name: "integer" | "decimal"): Intl.NumberFormat {
  let format = numbers.get(name);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: name === "integer" ? 0 : 2 });
    numbers.set(name, format);
  }
  return format;
}

/** The tag numbers and dates are written in (lib/i18n/i18n.ts sets it with the language). */
export function setFormattingLocale(tag: string): void {
  if (tag === locale) return;
  locale = tag;
  numbers = new Map();
  dates = new Map();
}

/** The zone every date is shown in; an unknown name keeps the current one (UTC until told). */
export function setProgramTimeZone(zone: string): void {
  if (zone === timeZone) return;
  try {
    // Throws for a zone this browser does not know: then dates stay in the one it had.
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return;
  }
  timeZone = zone;
  dates = new Map();
}

export const programTimeZone = () => timeZone;

/** The tag numbers and dates are written in now, for formats of their own (the manager area's). */
export const formattingLocale = () => locale;

export const formatInteger = (value: number) => numberFormat("integer").format(value);
export const formatDecimal = (value: number) => numberFormat("decimal").format(value);

/** `date` in the first format when it falls in `now`'s year (in the program's zone), else the second. */
function withYearIfOther(date: Date, now: Date, thisYear: DateFormatName, otherYear: DateFormatName): string {
  const year = dateFormat("year");
  return dateFormat(year.format(date) === year.format(now) ? thisYear : otherYear).format(date);
}

/** "3 March" this year (in the program's zone), "3 March 2025" otherwise. */
export const formatDay = (iso: string, now = new Date()): string =>
  withYearIfOther(new Date(iso), now, "dayMonth", "dayMonthYear");

// Made when first asked (only the expiring points count days), in a locale whose data is loaded
// already, so the first render after /api/me pays for nothing it does not show.
let calendar: { timeZone: string; format: Intl.DateTimeFormat } | null = null;

/** The calendar day of `date` in the program's zone, as the UTC midnight of the same date. */
function calendarDay(date: Date): number {
  if (calendar?.timeZone !== timeZone) {
    const options = {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      timeZone,
    } as const;
    calendar = { timeZone, format: new Intl.DateTimeFormat("en-US", options) };
  }
  const parts = calendar.format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/** Whole calendar days from `now` to `iso` in the program's zone: 0 today, 1 tomorrow, −1 yesterday. */
export function calendarDaysUntil(iso: string, now = new Date()): number {
  return Math.round((calendarDay(new Date(iso)) - calendarDay(now)) / 86_400_000);
}

export const formatDateTime = (iso: string) => dateFormat("dateTime").format(new Date(iso));

/**
 * A moment a member plans for, "Thursday, May 23 at 10:00 AM" ("jeudi 23 mai à 10:00"), the year
 * added when it is not this one, in the program's zone.
 */
export const formatMoment = (iso: string, now = new Date()): string =>
  withYearIfOther(new Date(iso), now, "momentThisYear", "moment");

/** A clock time, "10:32:05", in the program's zone like every date. */
export const formatTime = (date: Date) => dateFormat("time").format(date);

/** A calendar period's boundary: "Monday", "1 April", as the program's zone names it. */
export const formatPeriodWeekday = (iso: string) => dateFormat("weekday").format(new Date(iso));
export const formatPeriodDay = (iso: string) => dateFormat("dayMonth").format(new Date(iso));
