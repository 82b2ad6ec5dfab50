import type { z } from "zod";

// Describes why a body failed its schema in terms an operator can act on (where, and what kind of
// problem) without quoting the body: values may be personal data, and error text ends up in logs.

type Issue = z.core.$ZodIssue;

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** For a union, the branch that got furthest into the value explains the failure best. */
function deepest(issue: Issue, prefix: readonly PropertyKey[]): { path: PropertyKey[]; code: string } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { path, code: issue.code };
  const candidates = issue.errors.flatMap((branch) =>
    branch.slice(0, 1).map((inner) => deepest(inner, path)),
  );
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0] ?? { path, code: issue.code };
}

/** e.g. `[0].campaigns[1].multiplier: invalid_union (and 2 more issues)` */
export function describeSchemaFailure(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return "(root): invalid";
  const { path, code } = deepest(first, []);
  const more = error.issues.length - 1;
  return `${formatPath(path)}: ${code}${more > 0 ? ` (and ${more} more issue${more === 1 ? "" : "s"})` : ""}`;
}
