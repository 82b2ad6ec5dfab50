import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import type { JsonBytes, JsonChunks } from "./json-bytes.ts";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * An answer whose body was serialised beforehand, typed as `c.json(value)` types its own: the web's
 * `hc` client reads `JSONParsed<T>` from it, T being the type of the value the bytes were made from.
 */
export function jsonResponse<T, U extends ContentfulStatusCode>(
  c: Context,
  body: JsonChunks<T> | JsonBytes<T>,
  status: U,
  headers: Record<string, string> = {},
): Response & TypedResponse<JSONParsed<T>, U, "json"> {
  const bytes = Buffer.concat(body instanceof Uint8Array ? [body] : body);
  const response: Response = c.body(bytes, status, { "content-type": JSON_CONTENT_TYPE, ...headers });
  // What `c.json` claims of its own answers, claimed of bytes whose type says the same.
  return response as Response & TypedResponse<JSONParsed<T>, U, "json">;
}
