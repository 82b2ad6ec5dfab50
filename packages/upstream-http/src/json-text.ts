/** Parsed JSON, or `undefined` for text that is not JSON (which JSON itself can never produce). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
