import { z } from "zod";
import { parseUtcDate } from "./utc-date.ts";

// Values the portal stores and shows must survive JSON, Postgres and JavaScript unchanged and still
// mean something afterwards. The plain coercions in coerce.ts let through "1" followed by 400 zeros
// (Number makes it Infinity, JSON.stringify makes that null) and epoch seconds past the end of
// JavaScript's calendar (an Invalid Date). These refuse such values with an issue tagged
// `out_of_range`, so a sender is told which field to fix and the refusal is counted by kind. Issue
// messages never echo the value: they end up in logs and answers, and the data may be personal.

/** Dates outside this window are refused: before it nothing of a loyalty program happened, after it
 *  no ISO 8601 reader (four-digit years) or our own stored-profile schema can read them back. */
export const EARLIEST_DATE = new Date(Date.UTC(1970, 0, 1));
export const LATEST_DATE = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** Numbers beyond this lose whole units in a double; no points balance or threshold comes close. */
export const MAX_MAGNITUDE = Number.MAX_SAFE_INTEGER;
/** Longer numeric text is not a number a person could have meant; refused before parsing. */
const MAX_NUMBER_TEXT = 32;
/** A tier title is a label ("Gold"); it is also indexed (tier_history), which caps its size. */
export const MAX_TITLE_LENGTH = 256;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const INTEGER_TEXT = /^-?\d+$/;

type Ctx = z.core.$RefinementCtx<unknown>;

function refuse(ctx: Ctx, input: unknown, message: string, reason?: "out_of_range"): null {
  ctx.issues.push({ code: "custom", message, input, ...(reason ? { params: { reason } } : {}) });
  return null;
}

/**
 * The number, or `null` after recording why not. Takes `unknown` rather than zod's number type, which
 * would call JSON.parse's Infinity (from 1e400) a type error instead of a number out of range.
 */
function numberFrom(value: unknown, pattern: RegExp, ctx: Ctx, kind: string): number | null {
  if (typeof value !== "number" && typeof value !== "string") {
    ctx.issues.push({ code: "invalid_type", expected: "number", input: value });
    return null;
  }
  let number = value;
  if (typeof number === "string") {
    const text = number.trim();
    if (text.length > MAX_NUMBER_TEXT)
      return refuse(ctx, value, `${kind} has too many digits`, "out_of_range");
    if (!pattern.test(text)) return refuse(ctx, value, `expected ${kind}`);
    number = Number(text);
  }
  // JSON.parse reads 1e400 as Infinity, so a finite check is needed for JSON numbers too.
  if (!Number.isFinite(number) || Math.abs(number) > MAX_MAGNITUDE)
    return refuse(ctx, value, `${kind} out of range`, "out_of_range");
  return number;
}

/** A documented "Number"/"Decimal" (JSON number or numeric text), finite and within ±2^53. */
export const boundedDecimal = z
  .unknown()
  .transform((value, ctx) => numberFrom(value, DECIMAL_TEXT, ctx, "a decimal number") ?? z.NEVER);
export const boundedDecimalOrNull = boundedDecimal.nullish().transform((value) => value ?? null);

function dateInRange(date: Date, input: unknown, ctx: Ctx): Date | null {
  const time = date.getTime();
  if (Number.isNaN(time) || time < EARLIEST_DATE.getTime() || time > LATEST_DATE.getTime())
    return refuse(ctx, input, "date out of range", "out_of_range");
  return date;
}

/** Epoch seconds (JSON integer or integer text) as a Date between 1970 and 9999. */
export const epochSecondsInRange = z.unknown().transform((value, ctx) => {
  const seconds = numberFrom(value, INTEGER_TEXT, ctx, "epoch seconds");
  if (seconds === null) return z.NEVER;
  if (!Number.isInteger(seconds)) return refuse(ctx, value, "expected whole epoch seconds") ?? z.NEVER;
  return dateInRange(new Date(seconds * 1000), value, ctx) ?? z.NEVER;
});
export const epochSecondsInRangeOrNull = epochSecondsInRange.nullish().transform((value) => value ?? null);

/** An ISO 8601 timestamp between 1970 and 9999 (without a zone: UTC); absent, `null` or blank → `null`. */
export const isoDateInRangeOrNull = z
  .string()
  .nullish()
  .transform((text, ctx): Date | null => {
    if (text === null || text === undefined || text.trim() === "") return null;
    const date = parseUtcDate(text);
    if (Number.isNaN(date.getTime())) return refuse(ctx, text, "expected an ISO 8601 timestamp") ?? z.NEVER;
    return dateInRange(date, text, ctx) ?? z.NEVER;
  });

/** A tier title: text (absent → ""), at most MAX_TITLE_LENGTH characters. */
export const boundedTitle = z
  .string()
  .nullish()
  .transform((text, ctx) => {
    const title = text ?? "";
    if (title.length > MAX_TITLE_LENGTH)
      return refuse(ctx, text, "title too long", "out_of_range") ?? z.NEVER;
    return title;
  });

/** Member ids are keys (member_profiles' primary key, a btree index), so their size is capped too. */
export const MAX_ID_LENGTH = 256;

/**
 * An id sent as text or as a whole number, or `null` when it cannot be one: blank, longer than
 * MAX_ID_LENGTH, or a number beyond 2^53 (JSON.parse has already rounded it, so it would name some
 * other member). Never fails: whether a missing id matters depends on which id keys the members.
 */
export const idOrNull = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : null;
    if (typeof value !== "string") return null;
    const text = value.trim();
    return text === "" || text.length > MAX_ID_LENGTH ? null : text;
  });
