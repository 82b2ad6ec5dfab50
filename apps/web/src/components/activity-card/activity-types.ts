import type { InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client.ts";

// The activity as the browser receives it (the BFF's `MemberActivityView`, dates as ISO strings).
// Typed here, below the features, because the member grid and the manager preview both render it.
// The route answers with bytes serialised beforehand, typed by the value they were made from
// (the BFF's wire/json-bytes.ts): hc reads that type as it reads any `c.json` answer's.
export type ActivitiesAnswer = InferResponseType<typeof api.api.me.activities.$get, 200>;

export type Activity = ActivitiesAnswer["activities"][number];
export type ActivityUnavailableReason = Activity["why"][number];
export type FrequencyRule = NonNullable<Activity["frequency"]>;
