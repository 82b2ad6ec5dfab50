import type { ActivityType } from "@portal/crowdtwist/activity-types";
import {
  type ActivityAction,
  activityAction,
  type LinkPolicy,
  STRICT_LINKS,
} from "@portal/loyalty/activity-action";
import type { MemberCommunity } from "@portal/loyalty/community";
import { activityCompletion, type CompletionProgress } from "@portal/loyalty/completions";
import {
  type MemberActivity,
  toMemberActivities,
  type UserActivityInput,
} from "@portal/loyalty/member-activity";
import type { Program } from "@portal/loyalty/program";
import { listedSegmentEligibility } from "@portal/loyalty/segment";
import { type ActivityUnavailableReason, whyUnavailable } from "@portal/loyalty/why-unavailable";
import type { JSONParsed } from "hono/utils/types";
import type { ActivityDetails } from "./activity-catalog.ts";

// The one definition of a member's activity cards: CrowdTwist's list with each activity's
// description and community, turned by the loyalty rules into what the browser sees.

/**
 * An activity as the browser gets it: the loyalty shape plus why it cannot be done now, if so, and
 * otherwise what to do (`null` while there is a "why": a locked, ended, upcoming, capped or done
 * activity offers nothing to click); `done` when its lifetime cap is reached, and `progress` ("2 of 5
 * this week", in completions) when it has a cap and the member's completions are known.
 */
export type MemberActivityView = MemberActivity & {
  why: ActivityUnavailableReason[];
  action: ActivityAction | null;
  // Always sent; optional in the type so that clients (and their fixtures) written before these
  // fields still compile.
  done?: boolean | undefined;
  progress?: CompletionProgress | null | undefined;
};

/**
 * What the portal knows of the member beyond CrowdTwist's list, from the Data Push feeds: completions
 * of each capped activity in its current period, and segment changes (subscription id → in it now).
 * An activity absent from `completionsInPeriod` has no known count; a segment absent from `segments`
 * keeps CrowdTwist's answer (it listed the activity, so it admits the member). `slotFreedBy` holds,
 * for an activity whose rolling-window cap is reached, the time of the completion whose leaving the
 * window frees a slot (loyalty's `rollingSlotOpens`).
 */
export interface MemberActivityState {
  completionsInPeriod: ReadonlyMap<string, number>;
  segments: ReadonlyMap<string, boolean>;
  slotFreedBy: ReadonlyMap<string, Date>;
}

/** Nothing known beyond CrowdTwist's list (a persona preview, a member the portal cannot read). */
export const NO_MEMBER_STATE: MemberActivityState = {
  completionsInPeriod: new Map(),
  segments: new Map(),
  slotFreedBy: new Map(),
};

/**
 * The loyalty shape plus the "why". Everyone who sees an activity in their list was admitted by its
 * segment rule when CrowdTwist answered; a segment change recorded since can say otherwise, and the
 * segment reason says so. Caps count the member's recorded completions (`state`). Managers' per-tier
 * previews use the same function with no state, so they show the member's card before any completion.
 * `timeZone` (PROGRAM_TIME_ZONE) is where calendar periods start.
 */
export function toActivityViews(
  inputs: readonly UserActivityInput<ActivityType>[],
  program: Program,
  now: Date,
  timeZone = "UTC",
  links: LinkPolicy = STRICT_LINKS,
  state: MemberActivityState = NO_MEMBER_STATE,
): MemberActivityView[] {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  return toMemberActivities(inputs, { program, now }).activities.map((activity) => {
    const completions = state.completionsInPeriod.get(activity.id) ?? null;
    const why = whyUnavailable({
      visibility: activity.visibility,
      window: activity.window,
      segment: activity.segment
        ? { rule: activity.segment, eligibility: listedSegmentEligibility(activity.segment, state.segments) }
        : null,
      frequency: activity.frequency ?? null,
      completionsInPeriod: completions,
      slotFreedBy: state.slotFreedBy.get(activity.id) ?? null,
      community: activity.community ?? null,
      timeZone,
      now,
    });
    const input = byId.get(activity.id);
    const action =
      why.length === 0 && input
        ? activityAction(
            {
              type: activity.type,
              channelId: input.channelId ?? null,
              redirectUrl: input.redirectUrl ?? null,
              pointsOnClick: activity.pointsOnClick ?? false,
              ...(activity.community !== undefined && { community: activity.community }),
            },
            links,
          )
        : null;
    return { ...activity, why, action, ...activityCompletion(activity.frequency, completions) };
  });
}

/** CrowdTwist's activity with its description's details and, when linked, its community's state. */
export function withDetails(
  activity: UserActivityInput<ActivityType>,
  found: ActivityDetails | undefined,
  communities: ReadonlyMap<string, MemberCommunity>,
): UserActivityInput<ActivityType> {
  if (!found) return activity;
  const { alidaActivityId, ...details } = found;
  const community = alidaActivityId ? communities.get(alidaActivityId) : undefined;
  return { ...activity, ...details, ...(community && { community }) };
}

/**
 * A card as the tier path planner reads it: what the member can no longer do is not planned (a cap
 * reached in the period, a lifetime cap done, a segment the member has left). Made or read back from
 * its JSON (dates as strings): the planner reads neither.
 */
export function plannable<View extends MemberActivityView | JSONParsed<MemberActivityView>>(activity: View) {
  return {
    ...activity,
    // Read back from JSON, an absent rule types as `undefined` too: the planner reads both as none.
    frequency: activity.frequency ?? null,
    completionsInPeriod: activity.progress?.count ?? null,
    segmentEligibility: activity.why.some((reason) => reason.kind === "segment")
      ? ("not_eligible" as const)
      : ("eligible" as const),
  };
}
