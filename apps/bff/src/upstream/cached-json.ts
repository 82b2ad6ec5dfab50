import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import type { UserActivity } from "@portal/crowdtwist/user-activity";

// The caches hold an upstream value as the JSON text of what the client parsed (cached-upstream.ts
// keeps bytes, and the shared tier hands them between instances). JSON.stringify writes a Date as
// ISO 8601 text; reading a cached activity back turns its window into Dates again, the same way for
// both endpoints' activities. (By name, not by a JSON.parse reviver: `extraData` is CrowdTwist's
// free-form text and may hold a key called dateStart.)

interface Window {
  dateStart: Date | null;
  dateEnd: Date | null;
}
type AsJson<T extends Window> = Omit<T, keyof Window> & { dateStart: string | null; dateEnd: string | null };

function withDates<T extends Window>(raw: AsJson<T>): T {
  return {
    ...raw,
    dateStart: raw.dateStart ? new Date(raw.dateStart) : null,
    dateEnd: raw.dateEnd ? new Date(raw.dateEnd) : null,
  } as T;
}

/** A cached `JSON.stringify(activityExtended)`, back as the value. */
export function parseCachedActivity(text: string): ActivityExtended {
  return withDates<ActivityExtended>(JSON.parse(text) as AsJson<ActivityExtended>);
}

/** A cached `JSON.stringify(userActivities)`, back as the values. */
export function parseCachedActivities(text: string): UserActivity[] {
  return (JSON.parse(text) as AsJson<UserActivity>[]).map((raw) => withDates<UserActivity>(raw));
}
