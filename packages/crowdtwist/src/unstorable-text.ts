import type { z } from "zod";

// JSON.parse turns the escapes "\u0000" and "\ud800" into a NUL character and an unpaired UTF-16
// surrogate. Postgres stores neither (not in text, not in jsonb), no reader can show them, and
// CrowdTwist has no reason to send them: a body that has one anywhere, in a value or a key, in a
// field we keep or one we drop, is refused whole. Then a body is either clean or refused, whatever
// the schema happens to keep this year.

export type TextProblem = "nul" | "unpaired_surrogate";

export interface UnstorableText {
  path: (string | number)[];
  problem: TextProblem;
}

function problemOf(text: string): TextProblem | null {
  if (text.includes("\u0000")) return "nul";
  if (!text.isWellFormed()) return "unpaired_surrogate";
  return null;
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit, last?: string): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The first string or key in a parsed JSON value that cannot be stored, or `null`. Iterative, and a
 * path is built only for a hit: a body nested 100,000 deep neither overflows the stack nor costs
 * more than one pass.
 */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const current = visit.value;
    if (typeof current === "string") {
      const problem = problemOf(current);
      if (problem) return { path: pathOf(visit), problem };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        stack.push({ value: current[index], key: index, parent: visit });
    } else if (current !== null && typeof current === "object") {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const problem = problemOf(key);
        if (problem) return { path: pathOf(visit, key), problem };
      }
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, item] = entries[index] as [string, unknown];
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}

/** A zod refinement: one issue at the first unstorable string, tagged `unsafe_text`. */
export function refuseUnstorableText(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  const found = findUnstorableText(value);
  if (!found) return;
  ctx.addIssue({
    code: "custom",
    path: found.path,
    message: found.problem === "nul" ? "contains a NUL character" : "contains an unpaired UTF-16 surrogate",
    params: { reason: "unsafe_text" },
  });
}
