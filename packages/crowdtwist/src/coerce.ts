import { z } from "zod";
import { parseUtcDate } from "./utc-date.ts";

// CrowdTwist's documents promise one JSON type per field and the responses deliver another often
// enough (ids as numbers or strings, "3.0" decimals, "true" booleans, 1/0 flags). These helpers
// accept every spelling seen so the schemas can normalise once. Issue messages never echo the value:
// they end up in logs and errors, and upstream data may be personal.

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Absent and `null` both mean "no value". */
function orNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | null => value ?? null);
}

/** An id sent as a string or an integer; always a string afterwards. */
export const ctId = z.union([z.string().min(1), z.number().int()]).transform(String);
export const ctIdOrNull = orNull(ctId);

/** Free text that sometimes arrives as a number (postal codes, phone numbers); blank means none. */
export const ctTextOrNull = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    const text = value === null || value === undefined ? "" : String(value).trim();
    return text === "" ? null : text;
  });

/** Text the documents mark required but that is not worth failing a whole response over. */
export const ctText = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

export const ctInteger = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(INTEGER_TEXT, { error: "expected an integer" })
    .transform((text) => Number(text)),
]);
export const ctIntegerOrNull = orNull(ctInteger);

/** A documented "Decimal": a JSON number or a string such as "3.0". */
export const ctDecimal = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(DECIMAL_TEXT, { error: "expected a decimal number" })
    .transform((text) => Number(text)),
]);
export const ctDecimalOrNull = orNull(ctDecimal);

export const ctBoolean = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((text) => text === "true" || text === "1"),
  z.literal([0, 1]).transform((flag) => flag === 1),
]);

/** Epoch seconds (number or numeric string); absent or `null` → `null`. */
export const ctEpochSecondsOrNull = orNull(ctInteger.transform((seconds) => new Date(seconds * 1000)));
export const ctEpochSeconds = ctInteger.transform((seconds) => new Date(seconds * 1000));

/** An ISO 8601 timestamp (without a zone: UTC); absent or `null` → `null`. */
export const ctIsoDateOrNull = orNull(
  z.string().transform((text, ctx) => {
    const date = parseUtcDate(text);
    if (Number.isNaN(date.getTime())) {
      ctx.issues.push({ code: "custom", message: "expected an ISO 8601 timestamp", input: text });
      return z.NEVER;
    }
    return date;
  }),
);

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/**
 * "Extra data set via Control Center": documented as an object of strings. A PHP backend encodes an
 * empty map as `[]`, so an empty array means "none" as well.
 */
export const ctExtraData = z
  .union([z.record(z.string(), scalar), z.array(z.never()).length(0)])
  .nullish()
  .transform((value): Record<string, string> | null => {
    if (value === null || value === undefined || Array.isArray(value)) return null;
    return Object.keys(value).length === 0 ? null : value;
  });

const jsonObject = z.record(z.string(), z.unknown());

/** An object sent either as JSON text or as an object (Live Push `customData`). */
export const ctJsonObjectOrNull = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .nullish()
  .transform((value, ctx): Record<string, unknown> | null => {
    if (value === null || value === undefined) return null;
    if (typeof value !== "string") return value;
    if (value.trim() === "" || value.trim() === "null") return null;
    try {
      const parsed = jsonObject.safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON at all: reported below
    }
    ctx.issues.push({ code: "custom", message: "expected a JSON object", input: value });
    return z.NEVER;
  });
