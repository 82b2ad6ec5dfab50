import { issuePath } from "@portal/crowdtwist/schema-failure";
import type { ErrorIssue } from "./errors.ts";

// A validation failure as the error body's `issues`: where each problem is, in one spelling for the
// API and the webhooks alike (`userId`, `campaigns[1].multiplier`, `""` for the input as a whole).

/** Enough to fix a form at once; a body wrong in a thousand places does not get a thousand lines. */
export const MAX_ISSUES = 20;

/** Each problem with its path spelled as above (a zod issue is one: it has a path and a message). */
export function issuesOf(
  problems: readonly { path: readonly PropertyKey[]; message: string }[],
): ErrorIssue[] {
  return problems.slice(0, MAX_ISSUES).map(({ path, message }) => ({ path: issuePath(path), message }));
}
