import type { JSONParsed } from "hono/utils/types";

/*
 * JSON that carries the type of the value it was made from. A member's activities are cached and
 * sent as bytes, never as objects (a warm answer copies them to the socket), so nothing on their
 * way from `JSON.stringify` to the browser could know what they hold. Here the type is fixed where
 * the bytes are made, by the only functions that make them from a value, and it follows the bytes
 * through the cache to the route, whose answer type (json-response.ts) is what the web's `hc` reads.
 *
 * What the browser parses out of a `Json*<T>` is `JSONParsed<T>` (hono's: dates become strings,
 * undefined members go), the same type `c.json(value)` gives. Whether the bytes really have that
 * shape is checked by tests over HTTP (testing/wire-schemas.ts), never per request.
 */

declare const jsonOf: unique symbol;

/** The text of `JSON.stringify(value)` for some `value: T`. */
export type JsonText<T> = string & { readonly [jsonOf]: T };
/** The UTF-8 bytes of `JSON.stringify(value)` for some `value: T`. */
export type JsonBytes<T> = Uint8Array & { readonly [jsonOf]: T };
/** The UTF-8 bytes of `JSON.stringify(value)` in parts, to be sent in order. */
export type JsonChunks<T> = readonly Uint8Array[] & { readonly [jsonOf]: T };

/** `JSON.stringify(value)`, typed by the value. */
export function stringify<T>(value: T): JsonText<T> {
  const text: string | undefined = JSON.stringify(value);
  // undefined, a function or a symbol has no JSON: it would splice to nothing, leaving invalid JSON.
  if (text === undefined) throw new TypeError("This value has no JSON text.");
  return text as JsonText<T>;
}

/** `stringify(value)` as UTF-8 bytes. */
export function serialise<T>(value: T): JsonBytes<T> {
  const bytes: Uint8Array = Buffer.from(stringify(value));
  return bytes as JsonBytes<T>;
}

/** The JSON of an array from its items' JSON: `[a,b,c]`. */
export function jsonArray<T>(items: readonly JsonText<T>[]): JsonBytes<T[]> {
  let text = "[";
  for (let i = 0; i < items.length; i += 1) text += (i === 0 ? "" : ",") + items[i];
  const bytes: Uint8Array = Buffer.from(`${text}]`);
  return bytes as JsonBytes<T[]>;
}

/**
 * Objects of type T written around one member that comes serialised as bytes (`key`), as
 * `JSON.stringify({ ...fixed, [key]: value, ...rest })` writes them: the members that are the same in
 * every object (`fixed`) and the keys are serialised once, here; each call serialises the `rest` and
 * sends the bytes as they are, between two chunks. Curried so that T is given and the rest inferred:
 * `jsonAround<Body>()({ enrolled: true }, "activities")`.
 */
export function jsonAround<T extends object>() {
  return <F extends keyof T & string, K extends Exclude<keyof T, F> & string>(fixed: Pick<T, F>, key: K) => {
    const fixedText = stringify(fixed);
    const before = Buffer.from(
      `${fixedText === "{}" ? "{" : `${fixedText.slice(0, -1)},`}${JSON.stringify(key)}:`,
    );
    const keyTexts = new Map<string, string>();
    return (bytes: JsonBytes<T[K]>, rest: Omit<T, F | K>): JsonChunks<T> => {
      let after = "";
      for (const name in rest) {
        // As JSON.stringify does, a member without JSON (undefined) is left out.
        const json: string | undefined = JSON.stringify(rest[name as keyof typeof rest]);
        if (json === undefined) continue;
        let keyText = keyTexts.get(name);
        if (keyText === undefined) {
          keyText = `,${JSON.stringify(name)}:`;
          keyTexts.set(name, keyText);
        }
        after += keyText + json;
      }
      const chunks: readonly Uint8Array[] = [before, bytes, Buffer.from(`${after}}`)];
      return chunks as JsonChunks<T>;
    };
  };
}

/** The value back, as the browser gets it. */
export function parseJson<T>(json: JsonBytes<T>): JSONParsed<T> {
  const value: unknown = JSON.parse(
    Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8"),
  );
  return value as JSONParsed<T>;
}

/**
 * Bytes that `serialise` or `jsonArray` made as a `T` and that were kept outside the
 * process (the activities' shared cache in Redis, written by this code on another instance): read
 * back as what they were stored as. The one way to a `Json*` type without a value; a store whose
 * value's shape changes must change its keys (see docs/decisions/0034).
 */
export function storedJson<T>(bytes: Uint8Array): JsonBytes<T> {
  return bytes as JsonBytes<T>;
}
