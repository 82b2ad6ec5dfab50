// Numbers and dates in the member's own locale. The words around them live in config/strings.ts.

const locale = typeof navigator === "undefined" ? "en" : (navigator.languages?.[0] ?? navigator.language);

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long" });
const dayMonthYear = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" });
// Frequency periods restart on UTC boundaries, so their dates are shown in UTC: a Monday 00:00 UTC
// reset is "Monday", not the Sunday evening it is in New York.
const weekdayUtc = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
const dayMonthUtc = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

export const formatInteger = (value: number) => integer.format(value);
export const formatDecimal = (value: number) => decimal.format(value);

/** "3 March" this year, "3 March 2025" otherwise. */
export function formatDay(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return date.getFullYear() === now.getFullYear() ? dayMonth.format(date) : dayMonthYear.format(date);
}

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

export const formatWeekdayUtc = (iso: string) => weekdayUtc.format(new Date(iso));
export const formatDayUtc = (iso: string) => dayMonthUtc.format(new Date(iso));
