import { z } from "zod";

// Small zod schemas for the value shapes the Alida documents use, normalised once at the edge.

const HAS_TIME = /T|\s\d{2}:/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO date-time → `Date`; `null` or `""` → `null` (the event has not happened).
 * The document says the values are UTC; a value without a zone designator would otherwise be read
 * as the server's local time, so it is pinned to UTC.
 */
export const timestampSchema = z.union([z.string(), z.null()]).transform((value, ctx): Date | null => {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  const utc = HAS_TIME.test(text) && !HAS_ZONE.test(text) ? `${text}Z` : text;
  const date = new Date(utc);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "Expected an ISO 8601 date-time" });
    return z.NEVER;
  }
  return date;
});

/** A boolean, also as the strings "true"/"false" in any case. */
export const booleanSchema = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false"]))
    .transform((value) => value === "true"),
]);

/** An identifier sent as a string or a number; kept as a string. */
export const idSchema = z.union([z.string(), z.number()]).transform(String);

/** A string (or number) the upstream may also send as null, meaning "none"; `""` counts as none too. */
export const nullableTextSchema = z
  .union([z.string(), z.number(), z.null()])
  .transform((value) => (value === null || String(value).trim() === "" ? null : String(value)));

/** A status word compared without regard to case, output in lower case. */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().trim().toLowerCase().pipe(z.enum(values));
}

export const linkSchema = z.object({ rel: z.string(), href: z.string() });
export type AlidaLink = z.output<typeof linkSchema>;

/**
 * Drops `null` values of fields where null carries no meaning, so "sent as null" and "not sent"
 * become the same absent key instead of widening every field's type with `| null`.
 */
export function withoutNulls(keys: readonly string[]) {
  const drop = new Set(keys);
  return (input: unknown): unknown => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
    return Object.fromEntries(
      Object.entries(input).filter(([key, value]) => !(value === null && drop.has(key))),
    );
  };
}
