// Where an activity stands in time for a member looking at it now. Pure: the caller passes `now`.

export type DateWindowState = "upcoming" | "open" | "ending_soon" | "expired";

export interface DateWindow {
  start: Date | null;
  end: Date | null;
}

export interface DateWindowStatus {
  state: DateWindowState;
  /** Whole days until the window opens (upcoming) or closes (open, ending soon); otherwise null. */
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;
/** An activity that closes within this many days is "ending soon". */
export const ENDING_SOON_DAYS = 7;

export function dateWindowStatus(
  window: DateWindow,
  now: Date,
  endingSoonDays = ENDING_SOON_DAYS,
): DateWindowStatus {
  const days = (until: Date) => Math.ceil((until.getTime() - now.getTime()) / DAY_MS);
  if (window.start !== null && now < window.start) return { state: "upcoming", daysLeft: days(window.start) };
  if (window.end !== null && now >= window.end) return { state: "expired", daysLeft: null };
  if (window.end === null) return { state: "open", daysLeft: null };
  const daysLeft = days(window.end);
  return { state: daysLeft <= endingSoonDays ? "ending_soon" : "open", daysLeft };
}

/** A window as either side holds it: `Date`s from the client, ISO strings from `MemberActivity`. */
export interface WindowBounds {
  start: Date | string | null;
  end: Date | string | null;
}

/** An unparseable bound reads as unknown (`null`), as everywhere else in this package. */
export function toDateWindow(bounds: WindowBounds): DateWindow {
  const read = (value: Date | string | null) => {
    if (value === null) return null;
    const date = typeof value === "string" ? new Date(value) : value;
    return Number.isFinite(date.getTime()) ? date : null;
  };
  return { start: read(bounds.start), end: read(bounds.end) };
}
