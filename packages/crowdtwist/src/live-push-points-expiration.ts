import { z } from "zod";
import { boundedDecimal } from "./bounded-values.ts";
import {
  feedInstant,
  fromSnakeIds,
  type LivePushMemberIds,
  snakeMemberIds,
} from "./live-push-feed-values.ts";
import { refuseUnstorableText } from "./unstorable-text.ts";

// The Points Expiration feed (snake_case): a member's expiring points, sent whole every time they
// change. Known: user_id, email_address, third_party_id, message_date, last_qualified_date,
// expiration_date. How the amounts travel is not in our documents; ADR 0030 records what is read:
// - the inactivity rule's one date and amount at the top level (`expiration_date`, `points_expiring`);
// - month entries of the redemption-period rule in an array (`redemption_period_points_expiration`,
//   `inactivity_points_expiration` or `points_expiration`), each with `expiration_date` and
//   `points_expiring`.
// An amount or a date that is there but unusable refuses the message (it would be shown as fact); an
// entry without either says nothing and is skipped. The message replaces what was stored before.

export interface PointsExpiring {
  points: number;
  date: Date;
}

export interface LivePushPointsExpiration extends LivePushMemberIds {
  /** Orders messages: an older one never replaces a newer one. */
  messageDate: Date;
  /** Everything expiring, nearest first; `[]`: nothing expires. */
  expiring: PointsExpiring[];
}

const amountOrNull = boundedDecimal.nullish().transform((value) => value ?? null);
const dateOrNull = feedInstant.nullish().transform((value) => value ?? null);

const entry = z.object({ expiration_date: dateOrNull, points_expiring: amountOrNull });
const entries = z
  .array(entry)
  .max(1000)
  .nullish()
  .transform((value) => value ?? []);

type Entry = z.output<typeof entry>;
const expiring = (item: Entry): PointsExpiring[] =>
  item.expiration_date && item.points_expiring !== null && item.points_expiring > 0
    ? [{ points: item.points_expiring, date: item.expiration_date }]
    : [];

const expirationObject = z
  .object({
    ...snakeMemberIds,
    message_date: feedInstant,
    expiration_date: dateOrNull,
    points_expiring: amountOrNull,
    inactivity_points_expiration: entries,
    redemption_period_points_expiration: entries,
    points_expiration: entries,
  })
  .transform((raw): LivePushPointsExpiration => {
    const all = [
      raw,
      ...raw.inactivity_points_expiration,
      ...raw.redemption_period_points_expiration,
      ...raw.points_expiration,
    ].flatMap(expiring);
    // One amount per date: the same month sent twice (two arrays) is one expiry.
    const byDate = new Map(all.map((item) => [item.date.getTime(), item]));
    return {
      ...fromSnakeIds(raw),
      messageDate: raw.message_date,
      expiring: [...byDate.values()].sort((a, b) => a.date.getTime() - b.date.getTime()),
    };
  });

export const livePushPointsExpirationSchema = z
  .unknown()
  .superRefine(refuseUnstorableText)
  .pipe(expirationObject);
