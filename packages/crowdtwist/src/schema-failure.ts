import type { z } from "zod";

// Describes why a body failed its schema in terms an operator can act on (where, and what kind of
// problem) without quoting the body: values may be personal data, and error text ends up in logs.

type Issue = z.core.$ZodIssue;

/** Keys come from the body too: one that is not a plain name (NUL, a surrogate, kilobytes) is `?`. */
const PLAIN_KEY = /^[\w$-]{1,64}$/;
/** A path from a deeply nested body would be as long as the body; the start says where to look. */
const MAX_PATH_KEYS = 12;

/**
 * Where a problem is, spelled without quoting the body: `userId`, `campaigns[1].multiplier`, `""` for
 * the value as a whole. The one spelling of the webhooks' messages and the API's `issues`.
 */
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

const formatPath = (path: readonly PropertyKey[]) => (path.length === 0 ? "(root)" : issuePath(path));

/** Why a schema refused a value: a bounded helper's tag (`out_of_range`, `unsafe_text`) or `schema`. */
export type SchemaFailureReason = "out_of_range" | "unsafe_text" | "schema";

function reasonOf(issue: Issue): SchemaFailureReason {
  const reason = issue.code === "custom" ? issue.params?.reason : undefined;
  return reason === "out_of_range" || reason === "unsafe_text" ? reason : "schema";
}

/** For a union, the branch that got furthest into the value explains the failure best. */
function deepest(issue: Issue, prefix: readonly PropertyKey[]): { path: PropertyKey[]; issue: Issue } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { path, issue };
  const candidates = issue.errors.flatMap((branch) =>
    branch.slice(0, 1).map((inner) => deepest(inner, path)),
  );
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0] ?? { path, issue };
}

/**
 * e.g. `[0].campaigns[1].multiplier: invalid_union (and 2 more issues)`; a tagged refusal names its
 * tag instead of the code: `totalPoints: out_of_range`.
 */
export function describeSchemaFailure(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return "(root): invalid";
  const { path, issue } = deepest(first, []);
  const reason = reasonOf(issue);
  const more = error.issues.length - 1;
  return `${formatPath(path)}: ${reason === "schema" ? issue.code : reason}${more > 0 ? ` (and ${more} more issue${more === 1 ? "" : "s"})` : ""}`;
}

/** The kind of the first failure, for counting refusals by reason. */
export function schemaFailureReason(error: z.ZodError): SchemaFailureReason {
  const [first] = error.issues;
  return first ? reasonOf(deepest(first, []).issue) : "schema";
}

/**
 * Every failure, each where it is and what kind it is (the tag or the issue's code, as in
 * describeSchemaFailure): for an answer that lists them by path. Never the value, nor zod's words
 * about it.
 */
export function schemaFailureIssues(error: z.ZodError): { path: PropertyKey[]; problem: string }[] {
  return error.issues.map((first) => {
    const { path, issue } = deepest(first, []);
    const reason = reasonOf(issue);
    return { path, problem: reason === "schema" ? issue.code : reason };
  });
}
