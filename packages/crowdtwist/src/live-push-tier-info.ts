import { z } from "zod";
import { ctDecimal, ctDecimalOrNull, ctIsoDateOrNull, ctText } from "./coerce.ts";

// `tierInfo` inside a Live Push user profile (Tiers v2). The document's sample spells one key
// `timeframe_score` while its table says `timeframeScore`, and sends `assignedByEvent` in lower case
// while the table lists upper-case events.

export const TIER_EVENTS = ["JUMP", "UPDATE", "DROP", "MAINTAIN", "RESET", "START"] as const;
export type TierEvent = (typeof TIER_EVENTS)[number];

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
  assignedByEvent: TierEvent;
  currentLevel: TierLevel;
  score: number | null;
  daysUntilResetDate: number | null;
  daysUntilExpirationDate: number | null;
  dateAssigned: Date | null;
  expirationDate: Date | null;
  scoreNeededToMaintain: number | null;
}

const levelSchema = z
  .object({ minValue: ctDecimalOrNull, maxValue: ctDecimalOrNull, title: ctText })
  .transform((raw): TierLevel => ({ minValue: raw.minValue, maxValue: raw.maxValue, title: raw.title }));

export const tierInfoSchema = z
  .object({
    resetDate: ctIsoDateOrNull,
    dateReached: ctIsoDateOrNull,
    scoreNeededToReach: ctDecimalOrNull,
    nextLevel: levelSchema.nullish(),
    tierScore: ctDecimalOrNull,
    timeframeScore: ctDecimal.nullish(),
    timeframe_score: ctDecimal.nullish(),
    assignedByEvent: z
      .string()
      .transform((text) => text.trim().toUpperCase())
      .pipe(z.enum(TIER_EVENTS)),
    currentLevel: levelSchema,
    score: ctDecimalOrNull,
    daysUntilResetDate: ctDecimalOrNull,
    daysUntilExpirationDate: ctDecimalOrNull,
    dateAssigned: ctIsoDateOrNull,
    expirationDate: ctIsoDateOrNull,
    scoreNeededToMaintain: ctDecimalOrNull,
  })
  .transform(
    (raw): TierInfo => ({
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
    }),
  );
