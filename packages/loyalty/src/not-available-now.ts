import type { CommunityBlock } from "./alida-consistency.ts";
import { type DateWindow, dateWindowStatus } from "./date-window.ts";

// What keeps every member away from an activity right now whatever their tier or segment: its
// dates, and the Alida survey or forum it leads to. The manager's "Who sees it" grid shows a cell
// its tier would make available as not available while any of these holds.

export type NotNowReason =
  | { kind: "not_started"; startsAt: Date }
  | { kind: "ended"; endedAt: Date }
  | { kind: "community"; block: CommunityBlock };

export interface NotNowInput {
  window: DateWindow;
  /** What Alida says keeps members out; `null` when not linked or Alida could not be asked. */
  community: readonly CommunityBlock[] | null;
  now: Date;
}

export function notAvailableNow({ window, community, now }: NotNowInput): NotNowReason[] {
  const reasons: NotNowReason[] = [];
  const { state } = dateWindowStatus(window, now);
  if (state === "upcoming" && window.start) reasons.push({ kind: "not_started", startsAt: window.start });
  if (state === "expired" && window.end) reasons.push({ kind: "ended", endedAt: window.end });
  for (const block of community ?? []) reasons.push({ kind: "community", block });
  return reasons;
}
