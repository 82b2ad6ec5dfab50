import type { ActivityType } from "@portal/crowdtwist/activity-types";
import {
  type ActivityAction,
  activityAction,
  type LinkPolicy,
  STRICT_LINKS,
} from "@portal/loyalty/activity-action";
import type { MemberCommunity } from "@portal/loyalty/community";
import {
  type MemberActivity,
  toMemberActivities,
  type UserActivityInput,
} from "@portal/loyalty/member-activity";
import type { Program } from "@portal/loyalty/program";
import { type UnavailableReason, whyUnavailable } from "@portal/loyalty/why-unavailable";
import type { ActivityDetails } from "./activity-catalog.ts";

// The one definition of a member's activity cards: CrowdTwist's list with each activity's
// description and community, turned by the loyalty rules into what the browser sees.

/**
 * An activity as the browser gets it: the loyalty shape plus why it cannot be done now, if so, and
 * otherwise what to do (`null` while there is a "why": a locked, ended or upcoming activity offers
 * nothing to click).
 */
export type MemberActivityView = MemberActivity & { why: UnavailableReason[]; action: ActivityAction | null };

/**
 * The loyalty shape plus the "why". Everyone who sees an activity in their list is admitted by its
 * segment rule; completions are not known from CrowdTwist's list, so caps explain themselves without
 * a count. Managers' per-tier previews use the same function, so they show exactly the member's card.
 * `timeZone` (PROGRAM_TIME_ZONE) is where calendar periods start.
 */
export function toActivityViews(
  inputs: readonly UserActivityInput<ActivityType>[],
  program: Program,
  now: Date,
  timeZone = "UTC",
  links: LinkPolicy = STRICT_LINKS,
): MemberActivityView[] {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  return toMemberActivities(inputs, { program, now }).activities.map((activity) => {
    const why = whyUnavailable({
      visibility: activity.visibility,
      window: activity.window,
      segment: activity.segment ? { rule: activity.segment, eligibility: "eligible" } : null,
      frequency: activity.frequency ?? null,
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
    return { ...activity, why, action };
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
