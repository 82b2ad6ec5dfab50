import { z } from "zod";
import { idOrNull } from "./bounded-values.ts";
import {
  camelMemberIds,
  feedId,
  feedInstant,
  feedTitleOrNull,
  fromCamelIds,
  type LivePushMemberIds,
} from "./live-push-feed-values.ts";
import { refuseUnstorableText } from "./unstorable-text.ts";

// The User Redemption feed (camelCase): one message per reward order. Known fields: orderId,
// orderDate, rewardId, rewardGroupId; the reward's title is in it too (ADR 0030). The points it cost
// arrive on the User Activity feed as a negative completion; this message names what they bought.

export interface LivePushUserRedemption extends LivePushMemberIds {
  /** Unique per order: a redelivery carries the same one. */
  orderId: string;
  orderDate: Date;
  rewardId: string | null;
  rewardGroupId: string | null;
  /** The reward's title; `null` when the message has none. */
  title: string | null;
}

const redemptionObject = z
  .object({
    ...camelMemberIds,
    orderId: feedId,
    orderDate: feedInstant,
    rewardId: idOrNull,
    rewardGroupId: idOrNull,
    title: feedTitleOrNull,
  })
  .transform(
    (raw): LivePushUserRedemption => ({
      ...fromCamelIds(raw),
      orderId: raw.orderId,
      orderDate: raw.orderDate,
      rewardId: raw.rewardId,
      rewardGroupId: raw.rewardGroupId,
      title: raw.title,
    }),
  );

export const livePushUserRedemptionSchema = z
  .unknown()
  .superRefine(refuseUnstorableText)
  .pipe(redemptionObject);
