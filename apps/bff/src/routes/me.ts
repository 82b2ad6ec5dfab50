import type { ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { type Context, Hono, type TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { MANAGER_ROLE, requireSession, type SessionVariables } from "../auth/session-middleware.ts";
import { AppError } from "../errors.ts";
import { MAX_STREAMS_PER_SESSION, type ProfileHub, type StreamRefusal } from "../live/profile-hub.ts";
import type { MemberActivityView } from "../member/activity-views.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberProfiles } from "../member/member-profiles.ts";
import type { Freshness } from "../upstream/cached-upstream.ts";
import { digestOf } from "../upstream/shared-bytes.ts";

export type MemberActivitiesBody =
  | { enrolled: true; activities: MemberActivityView[]; freshness: Freshness }
  | { enrolled: false; activities: []; freshness: null };

export interface MeDeps {
  memberActivities: MemberActivities;
  profiles: MemberProfiles;
  hub: ProfileHub;
  /**
   * The security headers every response carries. The stream is written straight to the Node response,
   * so the middleware that sets them on every other answer cannot (and reading them back through
   * `c.res` would make the Node adapter answer a second time): the route is given them.
   */
  securityHeaders: Readonly<Record<string, string>>;
  /** The client's address, as the rate limits see it: streams are capped per address too. */
  clientIp: (c: Context) => string;
}

function refuseStream(refusal: Exclude<StreamRefusal, null>): never {
  // 429, not 503: the client holds too many, and the web app backs off and retries, so a tab whose
  // slot frees up (another tab closed) gets its updates again.
  throw new AppError(
    429,
    "too_many_streams",
    refusal === "session_limit"
      ? `Live updates are already open in ${MAX_STREAMS_PER_SESSION} tabs of this browser. Close one of them to get live updates here.`
      : "Too many live-update connections are open from your network. Close some portal tabs and try again.",
  );
}

/** What the browser receives: the body as JSON turns it (dates become strings). */
type ActivitiesResponse = TypedResponse<JSONParsed<MemberActivitiesBody>, 200, "json">;

const ENROLLED_PREFIX = Buffer.from('{"enrolled":true,"activities":');
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function meRoutes(deps: MeDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .use(requireSession())
    .get("/", async (c) => {
      const session = c.get("session");
      if (!session) throw new Error("requireSession let an anonymous request through");
      return c.json(
        {
          user: {
            sub: session.sub,
            name: session.name,
            email: session.email,
            roles: session.roles,
            isManager: session.roles.includes(MANAGER_ROLE),
          },
          // From the stored Live Push profile; null until CrowdTwist has pushed one.
          profile: (await deps.profiles.current(session.crowdtwistUserId))?.view ?? null,
          // The browser shows dates in the zone whose midnights start the program's periods.
          program: { timeZone: deps.memberActivities.timeZone },
        },
        200,
      );
    })
    .get("/events", async (c) => {
      const session = c.get("session");
      if (!session) throw new Error("requireSession let an anonymous request through");
      // The stream is written straight to the Node response (see live/profile-hub.ts).
      const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      if (!outgoing) throw new Error("live updates need the Node server");
      const memberKey = session.crowdtwistUserId;
      const owner = { memberKey, session: session.idHash, address: deps.clientIp(c) };
      const early = deps.hub.refusal(owner);
      if (early) refuseStream(early);
      const seen = Number(c.req.header("last-event-id"));
      const current = await deps.profiles.current(memberKey);
      // On a fresh connection, or a resumed one that missed a change, the current profile goes first.
      const initial =
        current && !(Number.isFinite(seen) && seen >= current.version)
          ? { id: String(current.version), event: "profile", data: JSON.stringify(current.view) }
          : null;
      // Checked again: other streams may have opened while the profile was read.
      const refused = deps.hub.subscribe(outgoing, owner, {
        initial,
        headers: { ...deps.securityHeaders, "x-request-id": c.get("requestId") },
      });
      if (refused) refuseStream(refused);
      return RESPONSE_ALREADY_SENT;
    })
    .get("/activities", async (c): Promise<ActivitiesResponse> => {
      const session = c.get("session");
      if (!session) throw new Error("requireSession let an anonymous request through");
      // Whose data is fetched comes from the session alone: no query parameter or header can change it.
      const result = await deps.memberActivities.forMember(session.crowdtwistUserId);
      if (!result.enrolled) {
        return c.json(
          { enrolled: false, activities: [], freshness: null } satisfies MemberActivitiesBody,
          200,
        );
      }
      // The list is the same until the cache holds new bytes or the banner changes: a client that
      // has it (If-None-Match) gets 304 and no body. The age is left out: it follows from fetchedAt.
      const etag = activitiesEtag(result.activitiesBytes, result.freshness);
      if (ifNoneMatch(c.req.header("if-none-match"), etag)) {
        return c.body(null, 304, { etag }) as unknown as ActivitiesResponse;
      }
      // The activities are cached as UTF-8 bytes; splice them in rather than parse and re-serialise.
      const body = Buffer.concat([
        ENROLLED_PREFIX,
        result.activitiesBytes,
        Buffer.from(`,"freshness":${JSON.stringify(result.freshness)}}`),
      ]);
      return c.body(body, 200, { ...JSON_HEADERS, etag }) as unknown as ActivitiesResponse;
    });
}

/**
 * The list's digest; while the banner shows ("from 10:05"), the time it names too, so a client that
 * shows an older time gets the newer one.
 */
export function activitiesEtag(bytes: Uint8Array, freshness: Freshness): string {
  return `"${digestOf(bytes)}${freshness.degraded ? `-d${Date.parse(freshness.fetchedAt).toString(36)}` : ""}"`;
}

/** RFC 9110's If-None-Match: `*`, or a list of tags compared weakly. */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
