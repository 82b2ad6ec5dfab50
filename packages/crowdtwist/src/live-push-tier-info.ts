import { z } from "zod";
import {
  boundedDecimal,
  boundedDecimalOrNull,
  boundedTitle,
  isoDateInRangeOrNull,
} from "./bounded-values.ts";

// `tierInfo` inside a Live Push user profile (Tiers v2). The document's sample spells one key
// `timeframe_score` while its table says `timeframeScore`, and sends `assignedByEvent` in lower case
// while the table lists upper-case events.
//
// The tier card is built from these fields, so a value that is there but unusable (a number past
// 2^53, a date past 9999, a title of kilobytes) refuses the profile rather than show a guess; an
// absent one is `null`. Two exceptions (docs/decisions/0011): an event name the document does not
// list becomes `null` (CrowdTwist may add events; the tier and points still count), and a block
// without a `currentLevel` is no tier block at all (the profile's fanLevelName still names the tier).

export const TIER_EVENTS = ["JUMP", "UPDATE", "DROP", "MAINTAIN", "RESET", "START"] as const;
export type TierEvent = (typeof TIER_EVENTS)[number];

/** The events that assign a tier; an UPDATE only changes points (Live Push document, ADR 0018). */
export type TierAssignmentEvent = Exclude<TierEvent, "UPDATE">;

export function isTierAssignment(event: string | null | undefined): event is TierAssignmentEvent {
  return event !== "UPDATE" && (TIER_EVENTS as readonly (string | null | undefined)[]).includes(event);
}

export interface TierLevel {
  /** `null` for a tier that starts at nothing (the document's lowest tier). */
  minValue: number | null;
  /** `null` for a tier without a ceiling (the top tier). */
  maxValue: number | null;
  title: string;
}

export interface TierInfo {
  /** Fixed timeframe only. */
  resetDate: Date | null;
  dateReached: Date | null;
  scoreNeededToReach: number | null;
  nextLevel: TierLevel | null;
  tierScore: number | null;
  timeframeScore: number | null;
  /** `null` for an event the document does not list. */
  assignedByEvent: TierEvent | null;
  currentLevel: TierLevel;
  score: number | null;
  daysUntilResetDate: number | null;
  daysUntilExpirationDate: number | null;
  dateAssigned: Date | null;
  expirationDate: Date | null;
  scoreNeededToMaintain: number | null;
}

const levelSchema = z
  .object({ minValue: boundedDecimalOrNull, maxValue: boundedDecimalOrNull, title: boundedTitle })
  .transform((raw): TierLevel => ({ minValue: raw.minValue, maxValue: raw.maxValue, title: raw.title }));

const eventOrNull = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" ? value.trim().toUpperCase() : null))
  .pipe(z.enum(TIER_EVENTS).nullable().catch(null));

const tierInfoObject = z
  .object({
    resetDate: isoDateInRangeOrNull,
    dateReached: isoDateInRangeOrNull,
    scoreNeededToReach: boundedDecimalOrNull,
    nextLevel: levelSchema.nullish(),
    tierScore: boundedDecimalOrNull,
    timeframeScore: boundedDecimal.nullish(),
    timeframe_score: boundedDecimal.nullish(),
    assignedByEvent: eventOrNull,
    currentLevel: levelSchema.nullish(),
    score: boundedDecimalOrNull,
    daysUntilResetDate: boundedDecimalOrNull,
    daysUntilExpirationDate: boundedDecimalOrNull,
    dateAssigned: isoDateInRangeOrNull,
    expirationDate: isoDateInRangeOrNull,
    scoreNeededToMaintain: boundedDecimalOrNull,
  })
  .transform((raw): TierInfo | null =>
    raw.currentLevel
      ? {
          resetDate: raw.resetDate,
          dateReached: raw.dateReached,
          scoreNeededToReach: raw.scoreNeededToReach,
          nextLevel: raw.nextLevel ?? null,
          tierScore: raw.tierScore,
          timeframeScore: raw.timeframeScore ?? raw.timeframe_score ?? null,
          assignedByEvent: raw.assignedByEvent,
          currentLevel: raw.currentLevel,
          score: raw.score,
          daysUntilResetDate: raw.daysUntilResetDate,
          daysUntilExpirationDate: raw.daysUntilExpirationDate,
          dateAssigned: raw.dateAssigned,
          expirationDate: raw.expirationDate,
          scoreNeededToMaintain: raw.scoreNeededToMaintain,
        }
      : null,
  );

/** The tier block, or `null`: absent, `null`, a PHP-encoded empty map (`[]`), or no `currentLevel`. */
export const tierInfoSchema = z.preprocess(
  (value) => (Array.isArray(value) && value.length === 0 ? null : value),
  tierInfoObject.nullish().transform((value): TierInfo | null => value ?? null),
);
