import type { ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { clearSignedInHint } from "../auth/cookies.ts";
import { MANAGER_ROLE, requireSession, type SessionVariables } from "../auth/session-middleware.ts";
import { AppError } from "../errors.ts";
import { MAX_STREAMS_PER_SESSION, type MemberStreams, type StreamRefusal } from "../live/member-streams.ts";
import type { MemberActivityView } from "../member/activity-views.ts";
import { decodeHistoryCursor } from "../member/history-cursor.ts";
import type { MemberActivities, MemberActivitiesResult } from "../member/member-activities.ts";
import type { HistoryPage, PointsHistory } from "../member/points-history.ts";
import type { MemberProfiles } from "../profile/member-profiles.ts";
import type { Freshness } from "../upstream/cached-upstream.ts";
import { digestOf } from "../upstream/shared-bytes.ts";
import { type JsonChunks, jsonAround } from "../wire/json-bytes.ts";
import { JSON_CONTENT_TYPE, jsonResponse } from "../wire/json-response.ts";
import { validate } from "./validate.ts";

export type MemberActivitiesBody =
  | { enrolled: true; activities: MemberActivityView[]; freshness: Freshness }
  | { enrolled: false; activities: []; freshness: null };

/** A tier as the program config describes it to members: threshold and benefits in words. */
export interface ProgramTierView {
  id: string;
  title: string;
  minScore: number;
  maxScore: number | null;
  benefits: string[];
}

export interface MeDeps {
  memberActivities: MemberActivities;
  /** Every tier of the program, lowest first, with its benefits (program config). */
  programTiers: readonly ProgramTierView[];
  profiles: MemberProfiles;
  /** The member's points history (User Activity and User Redemption feeds). */
  history: PointsHistory;
  hub: MemberStreams;
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

export type HistoryBody = HistoryPage;

export const HISTORY_PAGE_SIZE = 20;
export const MAX_HISTORY_PAGE_SIZE = 100;

const historyQuery = z.object({
  cursor: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || decodeHistoryCursor(value) !== null,
      "cursor must be the `next` value of a page of the history.",
    ),
  limit: z.coerce
    .number({ error: `limit must be a number from 1 to ${MAX_HISTORY_PAGE_SIZE}.` })
    .int(`limit must be a whole number from 1 to ${MAX_HISTORY_PAGE_SIZE}.`)
    .min(1, `limit must be a number from 1 to ${MAX_HISTORY_PAGE_SIZE}.`)
    .max(MAX_HISTORY_PAGE_SIZE, `limit must be a number from 1 to ${MAX_HISTORY_PAGE_SIZE}.`)
    .default(HISTORY_PAGE_SIZE),
});

type EnrolledBody = Extract<MemberActivitiesBody, { enrolled: true }>;
/** `{"enrolled":true,"activities":<the cached bytes>,"freshness":{…}}`. */
const enrolledBody = jsonAround<EnrolledBody>()({ enrolled: true }, "activities");
const JSON_HEADERS = { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store" };

export function meRoutes(deps: MeDeps) {
  // The browser shows dates in the zone whose midnights start the program's periods; the tier card and
  // ladder show what each tier brings. Nothing here is secret: it is the program's public description.
  const program = { timeZone: deps.memberActivities.timeZone, tiers: deps.programTiers };
  return (
    new Hono<{ Variables: SessionVariables }>()
      // Before requireSession: "nobody is signed in" is an answer here, not a failure. The page asks
      // this first on every visit, and a 401 would be a console error on every signed-out visit.
      .get("/", async (c) => {
        const session = c.get("session");
        if (!session) {
          // The page's "a session may exist" hint is wrong (expired, revoked): drop it, so the next
          // visit does not ask for the activities alongside.
          clearSignedInHint(c);
          // Only the time zone (dates on signed-out pages): the tiers are for the member's card, and the
          // brand in the page already carries what a signed-out page shows of the program.
          return c.json({ user: null, profile: null, program: { timeZone: program.timeZone } }, 200);
        }
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
            program,
          },
          200,
        );
      })
      .use(requireSession())
      .get("/events", async (c) => {
        const session = c.get("session");
        // The stream is written straight to the Node response (see live/member-streams.ts).
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
      // Points earned and redeemed, newest first, a page at a time: `cursor` is the previous page's `next`.
      .get("/history", validate("query", historyQuery, "invalid_history_request"), async (c) => {
        const session = c.get("session");
        const { cursor, limit } = c.req.valid("query");
        const page: HistoryBody = await deps.history.page(
          session.crowdtwistUserId,
          cursor === undefined ? null : decodeHistoryCursor(cursor),
          limit,
        );
        return c.json(page, 200);
      })
      .get("/activities", async (c) => {
        const session = c.get("session");
        // Whose data is fetched comes from the session alone: no query parameter or header can change it.
        const result = await deps.memberActivities.forMember(session.crowdtwistUserId);
        if (!result.enrolled) {
          return c.json(
            { enrolled: false, activities: [], freshness: null } satisfies MemberActivitiesBody,
            200,
          );
        }
        const answer = activitiesAnswer(result, c.req.header("if-none-match"));
        return answer.status === 304
          ? c.body(null, 304, answer.headers)
          : jsonResponse(c, answer.body, 200, answer.headers);
      })
  );
}

/**
 * An enrolled member's list as it goes on the wire. The list is the same until the cache holds new
 * bytes or the banner changes: a client that has it (If-None-Match) gets 304 and no body. The age is
 * left out of the tag: it follows from fetchedAt. Shared by the route and the warm path
 * (activities-fast-path.ts), so both answer byte for byte alike.
 */
export function activitiesAnswer(
  result: Extract<MemberActivitiesResult, { enrolled: true }>,
  ifNoneMatchHeader: string | undefined,
):
  | { status: 200; body: JsonChunks<EnrolledBody>; headers: Record<string, string> }
  | { status: 304; body: null; headers: Record<string, string> } {
  const etag = activitiesEtag(result.activitiesBytes, result.freshness);
  if (ifNoneMatch(ifNoneMatchHeader, etag)) {
    return { status: 304, body: null, headers: { etag, "cache-control": "no-store" } };
  }
  // The activities are cached as UTF-8 bytes; spliced between the other members rather than parsed
  // and re-serialised.
  const body = enrolledBody(result.activitiesBytes, { freshness: result.freshness });
  let length = 0;
  for (const chunk of body) length += chunk.byteLength;
  return { status: 200, body, headers: { ...JSON_HEADERS, etag, "content-length": String(length) } };
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
