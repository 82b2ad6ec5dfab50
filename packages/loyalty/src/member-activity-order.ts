import type { MemberActivity } from "./member-activity.ts";

// The default order of a member's activity list. What a member can do now comes first, what they
// can work toward next, and what is over last:
//   1. available and open (or ending soon)   2. available, upcoming
//   3. locked and open (or ending soon)      4. locked, upcoming
//   5. its Alida survey or forum is closed to members (it may re-open)    6. expired, either way
// Within a group: open ones ending soonest first (no end date last), upcoming ones starting
// soonest first, expired ones most recently ended first; then the most effective points; then
// CrowdTwist's own order (the sort is stable).

function group(activity: MemberActivity): number {
  const { state } = activity.window;
  if (state === "expired") return 6;
  if (activity.community?.checked && activity.community.blocks.length > 0) return 5;
  const locked = activity.visibility.state === "locked" ? 2 : 0;
  return 1 + locked + (state === "upcoming" ? 1 : 0);
}

const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

function dateOrder(a: MemberActivity, b: MemberActivity): number {
  switch (a.window.state) {
    case "upcoming":
      return time(a.window.start) - time(b.window.start) || 0;
    case "expired":
      return time(b.window.end) - time(a.window.end) || 0;
    default:
      return time(a.window.end) - time(b.window.end) || 0;
  }
}

export function compareMemberActivities(a: MemberActivity, b: MemberActivity): number {
  return group(a) - group(b) || dateOrder(a, b) || b.points.effective - a.points.effective;
}
