// JSON.parse with a memory of the texts it parsed last. Members of one tier (and segment) get
// byte-identical activity lists from CrowdTwist, and decoding a 12 KB list costs far more than
// finding its text again. The same text gives back the same value, so that what reads it next can
// recognise it by identity (the list parser does): values handed out are shared and must never be
// written to. Bounded by the characters held, least recently used text first out.

export interface JsonMemoOptions {
  /** Characters of text kept (with their parsed values). Default 1,000,000 (~80 demo lists). */
  maxChars?: number;
}

/** A decoder: the parsed value, or undefined when the text is not JSON (as `http.ts` expects). */
export type JsonDecoder = (text: string) => unknown;

export function createJsonMemo(options: JsonMemoOptions = {}): JsonDecoder {
  const maxChars = options.maxChars ?? 1_000_000;
  const values = new Map<string, unknown>();
  let chars = 0;
  return (text) => {
    if (values.has(text)) {
      const value = values.get(text);
      values.delete(text);
      values.set(text, value);
      return value;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (text.length > maxChars) return value;
    values.set(text, value);
    chars += text.length;
    for (const held of values.keys()) {
      if (chars <= maxChars) break;
      values.delete(held);
      chars -= held.length;
    }
    return value;
  };
}
