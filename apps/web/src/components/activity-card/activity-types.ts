import type { InferResponseType } from "hono/client";
import type { JSONParsed } from "hono/utils/types";
import type { api } from "../../lib/api-client.ts";

// The activity as the browser receives it (the BFF's `MemberActivityView`, dates as ISO strings).
// Typed here, below the features, because the member grid and the manager preview both render it.

// The route answers with spliced bytes typed by a cast, so hono does not turn its Dates (the
// reasons' `startsAt`, `endedAt`, `resetsAt`) into the strings that arrive; `JSONParsed` does.
export type ActivitiesAnswer = JSONParsed<InferResponseType<typeof api.api.me.activities.$get, 200>>;

export type Activity = ActivitiesAnswer["activities"][number];
export type ActivityUnavailableReason = Activity["why"][number];
export type FrequencyRule = NonNullable<Activity["frequency"]>;
