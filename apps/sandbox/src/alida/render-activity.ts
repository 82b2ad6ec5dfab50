import type { SeedAlidaActivity } from "../program/seed-types.ts";

// Renders a seeded Alida activity in the document's "Example GET Response" shape, and its summary
// in the "Summary result" shape. Dates are computed from the seed's day offsets, so the demo keeps
// an open survey and a closed forum whenever the sandbox starts.

export interface RenderContext {
  panelId: string;
  startedAt: Date;
  /** The sandbox's public origin, without a trailing slash. */
  publicUrl: string;
}

const DAY_MS = 86_400_000;
// Stand-ins for the Alida users who created and last edited the activities.
const CREATED_BY = "1a3c5e7f-9b2d-4f6a-8c0e-2b4d6f8a0c11";
const UPDATED_BY = "7e9f1b3d-5a2c-4e6b-9d8f-0c2e4a6b8d27";

function daysFrom(startedAt: Date, days: number | null): string | null {
  return days === null ? null : new Date(startedAt.getTime() + days * DAY_MS).toISOString();
}

function capitalise(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

function activityHref(activity: SeedAlidaActivity, context: RenderContext): string {
  return `${context.publicUrl}/c/services/api/v1/tenants/${context.panelId}/activities/${activity.id}`;
}

function recordDates(activity: SeedAlidaActivity, context: RenderContext) {
  const createdInDays = Math.min(activity.openedInDays ?? 0, 0) - 14;
  const changedInDays = activity.status === "closed" ? activity.closedInDays : activity.openedInDays;
  const createDate = daysFrom(context.startedAt, createdInDays);
  const statusChangedOn = daysFrom(context.startedAt, changedInDays);
  return { createDate, statusChangedOn, lastUpdateDate: statusChangedOn ?? createDate };
}

export function renderActivity(activity: SeedAlidaActivity, context: RenderContext): Record<string, unknown> {
  const { createDate, statusChangedOn, lastUpdateDate } = recordDates(activity, context);
  const href = activityHref(activity, context);
  return {
    id: activity.id,
    sourceId: null,
    activityType: activity.activityType,
    name: activity.name,
    // The document disagrees with itself ("Open|Closed" in the example, "open/closed" in the
    // field list); the sandbox shows both: capitalised for surveys, lower case for forums.
    status: activity.activityType === "Forum" ? activity.status : capitalise(activity.status),
    statusChangedOn,
    panelId: context.panelId,
    // "Some activities may be missing alternateId": the key is left out, not sent as null.
    ...(activity.alternateId === null ? {} : { alternateId: activity.alternateId }),
    projectId: activity.projectId,
    projectType: activity.projectType,
    excludeFromParticipation: false,
    hideFromMember: activity.hideFromMember,
    isReady: activity.isReady,
    openedOn: daysFrom(context.startedAt, activity.openedInDays),
    closedOn: daysFrom(context.startedAt, activity.closedInDays),
    accessedOn: daysFrom(context.startedAt, -1),
    templateUrl: null,
    createDate,
    lastUpdateDate,
    createdBy: CREATED_BY,
    lastUpdatedBy: UPDATED_BY,
    links: [{ rel: "summary", href: `${href}/summary` }],
    href,
  };
}

export function renderSummary(activity: SeedAlidaActivity, context: RenderContext): Record<string, unknown> {
  const { createDate, lastUpdateDate } = recordDates(activity, context);
  return {
    distributionStatus: activity.isReady ? capitalise(activity.status) : "Pending",
    memberEvents: { ...activity.memberEvents },
    createDate,
    lastUpdateDate,
    createdBy: CREATED_BY,
    lastUpdatedBy: UPDATED_BY,
    links: [],
    href: `${activityHref(activity, context)}/summary`,
  };
}
