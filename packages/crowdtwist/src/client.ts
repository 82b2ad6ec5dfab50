import type { Dispatcher } from "undici";
import type { z } from "zod";
import { type ActivityExtended, activityExtendedResponseSchema } from "./activity-extended.ts";
import { crowdTwistBaseUrl } from "./base-url.ts";
import { CrowdTwistError } from "./errors.ts";
import { createCrowdTwistHttp } from "./http.ts";
import { type CrowdTwistIdType, isCrowdTwistIdType } from "./id-types.ts";
import { describeSchemaFailure } from "./schema-failure.ts";
import { createUserActivitiesParser } from "./user-activities-parser.ts";
import type { UserActivity } from "./user-activity.ts";

// The typed CrowdTwist v2 client: documented endpoints in, clean types out. Everything that can fail
// throws CrowdTwistError (a caller's own abort rethrows its reason).

export interface CrowdTwistClientOptions {
  /** Origin plus optional path prefix; see base-url.ts for building it from a client id and environment. */
  baseUrl: string;
  apiKey: string;
  /** Per call, covering connect, headers and body. Default 5000. */
  timeoutMs?: number | undefined;
  /** Keep-alive connections in the pool. Default 10. */
  connections?: number | undefined;
  dispatcher?: Dispatcher | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface UserActivitiesOptions extends CallOptions {
  /** Which of the member's ids `userId` is. Default `id` (CrowdTwist's internal id). */
  idType?: CrowdTwistIdType | undefined;
}

export interface CrowdTwistClient {
  getUserActivities(userId: string, options?: UserActivitiesOptions): Promise<UserActivity[]>;
  /** Throws a CrowdTwistError 404 `no_data` for an unknown activity. */
  getActivityExtended(activityId: string | number, options?: CallOptions): Promise<ActivityExtended>;
  close(): Promise<void>;
}

const USER_ACTIVITIES = "GET /v2/users/{user_id}/activities";
const ACTIVITY_EXTENDED = "GET /v2/activities/{activity_id}/extended";

/**
 * One path segment, or `null` for an id that cannot be one. An empty id would change the route, and
 * URL parsers resolve "." and ".." (even as %2E%2E) as dot segments, so no encoding makes those safe;
 * no CrowdTwist id looks like that.
 */
export function encodePathSegment(value: string): string | null {
  if (value === "" || value === "." || value === "..") return null;
  return encodeURIComponent(value);
}

function segment(value: string | number, operation: string): string {
  const encoded = encodePathSegment(String(value));
  if (encoded === null) {
    throw new CrowdTwistError({
      status: 400,
      code: "invalid",
      operation,
      detail: "id is empty or a dot segment",
    });
  }
  return encoded;
}

// Visible ASCII only: anything else could not travel in a header (and must not be echoed by undici).
const PRINTABLE_KEY = /^[\x21-\x7e]+$/;

export function createCrowdTwistClient(options: CrowdTwistClientOptions): CrowdTwistClient {
  if (!PRINTABLE_KEY.test(options.apiKey))
    throw new TypeError("CrowdTwist API key is empty or not printable ASCII");
  const timeoutMs = options.timeoutMs ?? 5000;
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs)))
    throw new TypeError("timeoutMs must be a positive number");
  const http = createCrowdTwistHttp({
    baseUrl: crowdTwistBaseUrl({ url: options.baseUrl }),
    apiKey: options.apiKey,
    timeoutMs,
    connections: options.connections ?? 10,
    dispatcher: options.dispatcher,
  });

  // Members' lists repeat each other's items: parsed with a memory (see user-activities-parser.ts).
  const parseUserActivities = createUserActivitiesParser();

  function parse<T>(result: z.ZodSafeParseResult<T>, operation: string): T {
    if (result.success) return result.data;
    throw new CrowdTwistError({
      status: 502,
      code: "bad_response",
      operation,
      detail: describeSchemaFailure(result.error),
    });
  }

  return {
    async getUserActivities(userId, { idType = "id", signal } = {}) {
      if (!isCrowdTwistIdType(idType)) throw new TypeError("unknown CrowdTwist id_type");
      const path = `/v2/users/${segment(userId, USER_ACTIVITIES)}/activities`;
      const body = await http.getJson(
        USER_ACTIVITIES,
        path,
        new URLSearchParams({ id_type: idType }),
        signal,
      );
      return parse(parseUserActivities(body), USER_ACTIVITIES);
    },

    async getActivityExtended(activityId, { signal } = {}) {
      const path = `/v2/activities/${segment(activityId, ACTIVITY_EXTENDED)}/extended`;
      const body = await http.getJson(ACTIVITY_EXTENDED, path, new URLSearchParams(), signal);
      const activity = parse(activityExtendedResponseSchema.safeParse(body), ACTIVITY_EXTENDED);
      if (activity === null) {
        throw new CrowdTwistError({
          status: 404,
          code: "no_data",
          operation: ACTIVITY_EXTENDED,
          detail: "empty array",
        });
      }
      return activity;
    },

    close: () => http.close(),
  };
}
