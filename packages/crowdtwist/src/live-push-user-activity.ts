import { z } from "zod";
import { boundedDecimal, idOrNull } from "./bounded-values.ts";
import {
  camelMemberIds,
  feedId,
  feedInstantOrNull,
  feedTitleOrNull,
  fromCamelIds,
  type LivePushMemberIds,
} from "./live-push-feed-values.ts";
import { refuseUnstorableText } from "./unstorable-text.ts";

// The User Activity feed (camelCase, like the profile): one message per activity completion, with the
// points it earned; a reward redemption is a message with negative points. Known fields:
// userActivityId, activityId, activityName, points, notes, translatedTitle, translatedDescription;
// the member's ids and the completion time are in the message too, under names the catalogue does
// not give (docs/decisions/0030 says which are read). Only what the portal shows or counts survives
// parsing: notes, descriptions, extra data and contact details are dropped here.

export interface LivePushUserActivity extends LivePushMemberIds {
  /** CrowdTwist's id of this completion: a redelivery carries the same one. */
  userActivityId: string;
  activityId: string;
  /** Positive for an activity completed, negative for a reward redeemed. */
  points: number;
  /** CrowdTwist's name for the activity (Control Center's words). */
  activityName: string | null;
  /** The member-facing title in the member's language; `null` unless CrowdTwist has one. */
  translatedTitle: string | null;
  /** CrowdTwist's reference; for a redemption, the order it paid for (assumed, ADR 0030). */
  referenceId: string | null;
  /** When the activity was done (`dateCreated`); `null` when the message does not say. */
  dateCreated: Date | null;
}

const points = boundedDecimal.transform((value, ctx) => {
  if (Number.isInteger(value)) return value;
  ctx.issues.push({ code: "custom", message: "expected whole points", input: value });
  return z.NEVER;
});

const userActivityObject = z
  .object({
    ...camelMemberIds,
    userActivityId: feedId,
    activityId: feedId,
    points,
    activityName: feedTitleOrNull,
    translatedTitle: feedTitleOrNull,
    referenceId: idOrNull,
    dateCreated: feedInstantOrNull,
    date_created: feedInstantOrNull,
  })
  .transform(
    (raw): LivePushUserActivity => ({
      ...fromCamelIds(raw),
      userActivityId: raw.userActivityId,
      activityId: raw.activityId,
      points: raw.points,
      activityName: raw.activityName,
      translatedTitle: raw.translatedTitle,
      referenceId: raw.referenceId,
      dateCreated: raw.dateCreated ?? raw.date_created,
    }),
  );

/** The whole body is checked for unstorable text first; only a clean body is parsed. */
export const livePushUserActivitySchema = z
  .unknown()
  .superRefine(refuseUnstorableText)
  .pipe(userActivityObject);
