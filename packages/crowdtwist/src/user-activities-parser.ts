import { sameEntries } from "./same-json.ts";
import { type UserActivity, userActivitiesResponseSchema, userActivitySchema } from "./user-activity.ts";

// `GET /v2/users/{id}/activities` parsed with a memory. Every member of a tier (and segment) gets the
// same items, so most items a busy portal parses are JSON-equal to one it parsed a moment ago for
// another member, and comparing an item with that one costs a fraction of running the schema over its
// fourteen quirk-tolerant fields again. An item equal (same JSON, same key order) to one already
// parsed gets that one's result; any other goes through `userActivitySchema`. Whenever an item fails,
// the whole body goes through `userActivitiesResponseSchema`, so a refusal is the schema's own, issue
// for issue. The schema stays the one definition of what is accepted and how it is normalised.
//
// Results are shared between calls, so they are frozen: nobody may edit a parsed list in place
// (their `Date`s included, which freezing cannot stop).

export type UserActivitiesParse = ReturnType<typeof userActivitiesResponseSchema.safeParse>;

interface Parsed {
  raw: Record<string, unknown>;
  /** `raw`'s keys, in order, computed once for every later comparison. */
  keys: readonly string[];
  value: UserActivity;
}

export interface UserActivitiesParserOptions {
  /** Parsed items kept for reuse (least recently used go first). Default 4,096: ~300 activities × 12 variants. */
  maxItems?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function freeze(activity: UserActivity): UserActivity {
  for (const campaign of activity.campaigns) Object.freeze(campaign);
  Object.freeze(activity.campaigns);
  if (activity.extraData) Object.freeze(activity.extraData);
  return Object.freeze(activity);
}

/** `body` must come from JSON.parse (the client's only source): plain objects, arrays and scalars. */
export function createUserActivitiesParser(options: UserActivitiesParserOptions = {}) {
  const maxItems = options.maxItems ?? 4_096;
  // By the item's raw `id` (string and number ids are different keys, as their items differ): the
  // variants seen for it, most recently used last.
  const byId = new Map<unknown, Parsed[]>();
  let held = 0;

  function remember(id: unknown, parsed: Parsed) {
    const variants = byId.get(id);
    if (variants) variants.push(parsed);
    else byId.set(id, [parsed]);
    held += 1;
    // Drop the least recently used id's oldest variant until within bounds.
    while (held > maxItems) {
      const [oldestId, oldest] = byId.entries().next().value as [unknown, Parsed[]];
      oldest.shift();
      held -= 1;
      if (oldest.length === 0) byId.delete(oldestId);
    }
  }

  function known(item: Record<string, unknown>): UserActivity | undefined {
    const id = item.id;
    const variants = byId.get(id);
    if (!variants) return undefined;
    for (const parsed of variants) {
      if (sameEntries(item, parsed.raw, parsed.keys)) {
        // Touch the id so a busy activity is not evicted before an idle one.
        byId.delete(id);
        byId.set(id, variants);
        return parsed.value;
      }
    }
    return undefined;
  }

  return function parse(body: unknown): UserActivitiesParse {
    if (!Array.isArray(body)) return userActivitiesResponseSchema.safeParse(body);
    const data: UserActivity[] = new Array(body.length);
    for (let i = 0; i < body.length; i += 1) {
      const item: unknown = body[i];
      const reused = isRecord(item) ? known(item) : undefined;
      if (reused) {
        data[i] = reused;
        continue;
      }
      const result = userActivitySchema.safeParse(item);
      if (!result.success) return userActivitiesResponseSchema.safeParse(body);
      const value = freeze(result.data);
      data[i] = value;
      if (isRecord(item) && (typeof item.id === "string" || typeof item.id === "number")) {
        remember(item.id, { raw: item, keys: Object.keys(item), value });
      }
    }
    return { success: true, data };
  };
}
export type UserActivitiesParser = ReturnType<typeof createUserActivitiesParser>;
