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
