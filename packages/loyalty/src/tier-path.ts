import { dateWindowStatus, toDateWindow, type WindowBounds } from "./date-window.ts";
import { awardsLeft, type FrequencyRule } from "./frequency.ts";
import type { SegmentEligibility } from "./segment.ts";
import { fewestCovering } from "./tier-path-search.ts";

// "Complete these 3 activities to reach Gold": the fewest activities a member can do now whose
// points cover what they still need. The same planner answers "to keep Gold": pass
// `scoreNeededToMaintain` as `pointsNeeded` instead of `scoreNeededToReach`.

/** What the planner reads of an activity; a `MemberActivity` fits as is. */
export interface PathActivity {
  id: string;
  title: string;
  visibility: { state: string };
  window: WindowBounds;
  /** Effective points, campaigns counted. */
  points: { effective: number };
  frequency?: FrequencyRule | null;
  /** Completions in the frequency rule's current period, when the caller knows them. */
  completionsInPeriod?: number | null;
  segmentEligibility?: SegmentEligibility;
}

export interface TierPathInput {
  activities: readonly PathActivity[];
  /** A remainder: `scoreNeededToReach` or `scoreNeededToMaintain`. */
  pointsNeeded: number;
  now: Date;
  /** Let an activity without a frequency rule be planned more than once (off: once). */
  allowRepeats?: boolean;
}

export interface TierPathStep {
  activityId: string;
  title: string;
  /** Completions, counting required attempts. */
  times: number;
  points: number;
}

export interface TierPath {
  reachable: boolean;
  /** Ending soonest first; when unreachable, everything the member can still earn now. */
  steps: TierPathStep[];
  totalPoints: number;
  shortfall: number;
}

interface Candidate {
  activity: PathActivity;
  points: number;
  awards: number;
  attempts: number;
  /** Completions already made toward the next award. */
  progress: number;
  end: number;
}

const known = (value: number | null | undefined): value is number =>
  Number.isFinite(value) && Number(value) >= 0;

function candidate(activity: PathActivity, input: TierPathInput, target: number): Candidate | null {
  if (activity.visibility.state !== "available" || activity.segmentEligibility === "not_eligible")
    return null;
  const window = toDateWindow(activity.window);
  const { state } = dateWindowStatus(window, input.now);
  if (state === "upcoming" || state === "expired") return null;
  const points = Math.floor(activity.points.effective);
  if (!(points > 0)) return null;
  const end = window.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const rule = activity.frequency ?? null;
  if (rule === null) {
    const awards = input.allowRepeats ? Math.ceil(target / points) : 1;
    return { activity, points, awards, attempts: 1, progress: 0, end };
  }
  const completions = activity.completionsInPeriod;
  // Without this period's completions the member may already be at the cap: plan one award only.
  if (!known(completions))
    return {
      activity,
      points,
      awards: Math.min(1, rule.cap),
      attempts: rule.requiredAttempts,
      progress: 0,
      end,
    };
  return {
    activity,
    points,
    awards: awardsLeft(rule, completions),
    attempts: rule.requiredAttempts,
    progress: Math.floor(completions) % rule.requiredAttempts,
    end,
  };
}

const step = (entry: Candidate, awards: number): TierPathStep => ({
  activityId: entry.activity.id,
  title: entry.activity.title,
  times: awards * entry.attempts - entry.progress,
  points: awards * entry.points,
});

export function planTierPath(input: TierPathInput): TierPath {
  const target = Number.isFinite(input.pointsNeeded) ? Math.ceil(input.pointsNeeded) : 0;
  if (target <= 0) return { reachable: true, steps: [], totalPoints: 0, shortfall: 0 };
  // Stable sort: equal end dates keep the caller's order (the member's list order).
  const candidates = input.activities
    .map((activity) => candidate(activity, input, target))
    .filter((entry): entry is Candidate => entry !== null && entry.awards > 0)
    .sort((a, b) => (a.end === b.end ? 0 : a.end < b.end ? -1 : 1));
  const uses = fewestCovering(
    candidates.map((entry) => ({ value: entry.points, maxCount: entry.awards })),
    target,
  );
  const steps = candidates.flatMap((entry, index) => {
    const awards = uses ? (uses[index] ?? 0) : entry.awards;
    return awards > 0 ? [step(entry, awards)] : [];
  });
  const totalPoints = steps.reduce((sum, entry) => sum + entry.points, 0);
  return { reachable: uses !== null, steps, totalPoints, shortfall: Math.max(0, target - totalPoints) };
}
