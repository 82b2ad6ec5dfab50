import type { FrequencyPeriod } from "./frequency.ts";

// When a calendar frequency period starts again, so a capped member can be told "back tomorrow".
// Boundaries are midnights in the program's time zone (PROGRAM_TIME_ZONE, default UTC) and weeks
// start on Monday (ISO 8601): CrowdTwist's documents name no zone, and one zone for the whole
// program is better than the browser's, which differs per member.

interface WallDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    // Stryker disable next-line all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC (ms). */
function wallTime(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const dayStarts = new Map<string, number>();
/** Entries each of this file's memories (zones, day starts, next period starts) keeps before starting over. */
const MAX_REMEMBERED = 1_000;

/**
 * The first instant of a calendar day in `timeZone`. Where a clock change skips midnight, the day
 * starts at the first wall time that exists (the instant the clocks jump).
 */
function startOfDay(date: WallDate, timeZone: string): Date {
  // Asked for the same few days over and over (every member's list counts this period's completions):
  // each answer costs several formatToParts, so the latest days are remembered.
  const key = `${timeZone}|${date.year}|${date.month}|${date.day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return new Date(known);
  const midnight = Date.UTC(date.year, date.month, date.day);
  // Two passes settle the offset, also when the guess falls on the other side of a clock change.
  let instant = midnight - (wallTime(midnight, timeZone) - midnight);
  instant = midnight - (wallTime(instant, timeZone) - instant);
  if (wallTime(instant, timeZone) < midnight) {
    // Midnight does not exist that day: the hour the clocks skip starts it.
    instant += 3_600_000;
  }
  // Stryker disable next-line all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
  if (dayStarts.size >= MAX_REMEMBERED) dayStarts.clear();
  // Stryker disable next-line all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
  dayStarts.set(key, instant);
  return new Date(instant);
}

/** Whether `timeZone` is an IANA name this runtime knows (env validation uses the same test). */
export function isKnownTimeZone(timeZone: string): boolean {
  // Making a formatter to find out costs more than a member's whole list: asked once per zone.
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    valid = true;
  } catch {
    valid = false;
  }
  // Stryker disable next-line all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
  if (knownZones.size >= MAX_REMEMBERED) knownZones.clear();
  // Stryker disable next-line all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
  knownZones.set(timeZone, valid);
  return valid;
}
const knownZones = new Map<string, boolean>();

/** Where a frequency period's completions are counted from, as of now. */
export type CountingWindow =
  /** Completions at or after `start` count (calendar periods since their start, rolling ones since now − length). */
  | { kind: "since"; start: Date }
  /** Every completion counts. */
  | { kind: "lifetime" }
  /** Nothing can be said: the period is unknown, or `now` or the zone is not usable. */
  | { kind: "unknown" };

const HOUR_MS = 3_600_000;
const ROLLING_MS: Partial<Record<FrequencyPeriod, number>> = {
  rolling_24h: 24 * HOUR_MS,
  rolling_7d: 7 * 24 * HOUR_MS,
  rolling_30d: 30 * 24 * HOUR_MS,
  rolling_365d: 365 * 24 * HOUR_MS,
};

/**
 * The window of the period `now` is in: for a calendar period, from its first instant in `timeZone`
 * (midnight, Monday midnight, the 1st, 1 January); for a rolling one, the length back from `now`.
 * A completion at exactly the start counts in the new period, as `nextPeriodStart` starts it there.
 */
export function countingWindow(period: FrequencyPeriod, now: Date, timeZone = "UTC"): CountingWindow {
  return countingWindows([period], now, timeZone)[0] ?? { kind: "unknown" };
}

/** `countingWindow` of each period, as of one moment (the zone's wall clock read once for all). */
export function countingWindows(
  periods: readonly FrequencyPeriod[],
  now: Date,
  timeZone = "UTC",
): CountingWindow[] {
  const usable = Number.isFinite(now.getTime()) && isKnownTimeZone(timeZone);
  let wall: Date | undefined;
  return periods.map((period) => {
    if (period === "lifetime") return { kind: "lifetime" };
    if (!usable) return { kind: "unknown" };
    wall ??= new Date(wallTime(now.getTime(), timeZone));
    return windowFrom(period, now, wall, timeZone);
  });
}

function windowFrom(period: FrequencyPeriod, now: Date, wall: Date, timeZone: string): CountingWindow {
  const rolling = ROLLING_MS[period];
  if (rolling !== undefined) return { kind: "since", start: new Date(now.getTime() - rolling) };
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const since = (date: WallDate): CountingWindow => ({ kind: "since", start: startOfDay(date, timeZone) });
  switch (period) {
    case "day":
      return since({ year, month, day });
    case "week":
      return since({ year, month, day: day - ((wall.getUTCDay() + 6) % 7) });
    case "month":
      return since({ year, month, day: 1 });
    case "year":
      return since({ year, month: 0, day: 1 });
    default:
      return { kind: "unknown" };
  }
}

/**
 * When a reached rolling cap lets the member earn again: the instant its window has passed the
 * completion whose leaving takes the count under the cap (`freedBy`, the cap-th newest counted, in
 * completions: every newer one is still in the window then, and it and the older ones are not).
 * `null` for a period that is not a rolling window, a `freedBy` that is no date, or an answer not
 * after `now` (a count read before the completion left: nothing sure to say).
 */
export function rollingSlotOpens(
  period: FrequencyPeriod,
  freedBy: Date | null | undefined,
  now: Date,
): Date | null {
  const length = ROLLING_MS[period];
  if (length === undefined || !freedBy) return null;
  const opens = freedBy.getTime() + length;
  return Number.isFinite(opens) && opens > now.getTime() ? new Date(opens) : null;
}

/**
 * The next period boundary strictly after `now` in `timeZone`, or `null` when the period does not
 * restart on a calendar boundary (lifetime, rolling windows, unknown), `now` is not a valid date or
 * the zone is unknown.
 */
export function nextPeriodStart(period: FrequencyPeriod, now: Date, timeZone = "UTC"): Date | null {
  if (!Number.isFinite(now.getTime()) || !isKnownTimeZone(timeZone)) return null;
  // Every capped card asks this on every list made: the answer holds from when it was worked out
  // until the boundary it names.
  const key = `${timeZone}|${period}`;
  const held = nextStarts.get(key);
  const at = now.getTime();
  if (held && held.from <= at && at < held.next) return new Date(held.next);
  const next = computeNextPeriodStart(period, now, timeZone);
  // Stryker disable all: a memory only: with or without it every answer is the same (tests cannot tell, by design)
  if (next) {
    if (nextStarts.size >= MAX_REMEMBERED) nextStarts.clear();
    nextStarts.set(key, { from: at, next: next.getTime() });
  }
  // Stryker restore all
  return next;
}
const nextStarts = new Map<string, { from: number; next: number }>();

function computeNextPeriodStart(period: FrequencyPeriod, now: Date, timeZone: string): Date | null {
  // The calendar date as the program's zone sees it (a Date used only for its UTC fields).
  const wall = new Date(wallTime(now.getTime(), timeZone));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const at = (date: WallDate) => startOfDay(date, timeZone);
  switch (period) {
    case "day":
      return at({ year, month, day: day + 1 });
    case "week": {
      const daysSinceMonday = (wall.getUTCDay() + 6) % 7;
      return at({ year, month, day: day + 7 - daysSinceMonday });
    }
    case "month":
      return at({ year, month: month + 1, day: 1 });
    case "year":
      return at({ year: year + 1, month: 0, day: 1 });
    default:
      return null;
  }
}
