import type { ErrorIssue } from "./errors.ts";

// A validation failure as the error body's `issues`: where each problem is, in one spelling for the
// API and the webhooks alike (`userId`, `campaigns[1].multiplier`, `""` for the input as a whole).

/** Keys can come from the body: one that is not a plain name (NUL, a surrogate, kilobytes) is `?`. */
const PLAIN_KEY = /^[\w$-]{1,64}$/;
/** A path into a deeply nested body would be as long as the body; its start says where to look. */
const MAX_PATH_KEYS = 12;
/** Enough to fix a form at once; a body wrong in a thousand places does not get a thousand lines. */
export const MAX_ISSUES = 20;

export function issuePath(path: readonly PropertyKey[]): string {
  const shown = path
    .slice(0, MAX_PATH_KEYS)
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const text = String(key);
      return `${index === 0 ? "" : "."}${PLAIN_KEY.test(text) ? text : "?"}`;
    })
    .join("");
  return path.length > MAX_PATH_KEYS ? `${shown}…` : shown;
}

/** Each problem with its path spelled as above (a zod issue is one: it has a path and a message). */
export function issuesOf(
  problems: readonly { path: readonly PropertyKey[]; message: string }[],
): ErrorIssue[] {
  return problems.slice(0, MAX_ISSUES).map(({ path, message }) => ({ path: issuePath(path), message }));
}
