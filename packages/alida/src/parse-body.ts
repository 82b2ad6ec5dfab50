import { parseJson } from "@portal/upstream-http/json-text";
import type { z } from "zod";
import { AlidaError } from "./errors.ts";

/** JSON text → the schema's output, or a `bad_response` that names the failing paths (never values). */
export function parseBody<T>(text: string, schema: z.ZodType<T, unknown>, what: string, status: number): T {
  const json = parseJson(text);
  if (json === undefined)
    throw new AlidaError("bad_response", `Alida sent ${what} that is not JSON`, { status });
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const paths = result.error.issues.map((issue) => issue.path.join(".") || "(root)");
  throw new AlidaError(
    "bad_response",
    `Alida sent ${what} in an unexpected shape (at ${[...new Set(paths)].join(", ")})`,
    { status, cause: result.error },
  );
}
