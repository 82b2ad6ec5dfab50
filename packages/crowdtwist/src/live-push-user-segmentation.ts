import { z } from "zod";
import {
  feedId,
  feedInstant,
  feedTitleOrNull,
  fromSnakeIds,
  type LivePushMemberIds,
  snakeMemberIds,
} from "./live-push-feed-values.ts";
import { refuseUnstorableText } from "./unstorable-text.ts";

// The User Segmentation feed (snake_case, live only): a member entered or exited a segment or a
// segment group. The catalogue's sample is complete:
//   {"user_id":10,"email_address":"joe@example.com","third_party_id":"user-123","type":"segment",
//    "name":"Users in New York","subscription_id":200,"event":"entered","trigger":"segment criteria",
//    "date_occurred":"2022-07-27T18:29:18Z"}
// `subscription_id` is the extended activity's `segment.subscription_id`. Values are compared without
// regard to case or surrounding space; an `event` that is neither entered nor exited cannot be
// applied and is refused; a `trigger` we do not know is `null` (it explains, it decides nothing).

export const SEGMENT_EVENTS = ["entered", "exited"] as const;
export const SEGMENT_TRIGGERS = ["segment criteria", "segment disabled"] as const;

export interface LivePushSegmentChange extends LivePushMemberIds {
  /** `segment` or `group` as documented; another kind is kept as sent (lower case). */
  type: string;
  name: string | null;
  subscriptionId: string;
  event: (typeof SEGMENT_EVENTS)[number];
  trigger: (typeof SEGMENT_TRIGGERS)[number] | null;
  /** Orders changes of one membership: the latest decides. */
  dateOccurred: Date;
}

const word = (text: unknown) =>
  typeof text === "string" ? text.trim().toLowerCase().replace(/\s+/g, " ") : text;

const segmentationObject = z
  .object({
    ...snakeMemberIds,
    type: z.preprocess(word, z.string().min(1).max(64)),
    name: feedTitleOrNull,
    subscription_id: feedId,
    event: z.preprocess(word, z.enum(SEGMENT_EVENTS)),
    trigger: z.preprocess(word, z.enum(SEGMENT_TRIGGERS).nullish().catch(null)),
    date_occurred: feedInstant,
  })
  .transform(
    (raw): LivePushSegmentChange => ({
      ...fromSnakeIds(raw),
      type: raw.type,
      name: raw.name,
      subscriptionId: raw.subscription_id,
      event: raw.event,
      trigger: raw.trigger ?? null,
      dateOccurred: raw.date_occurred,
    }),
  );

export const livePushSegmentChangeSchema = z
  .unknown()
  .superRefine(refuseUnstorableText)
  .pipe(segmentationObject);
