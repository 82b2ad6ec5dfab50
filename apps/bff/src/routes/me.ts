import type { MemberActivity } from "@portal/loyalty/member-activity";
import { Hono, type TypedResponse } from "hono";
import { MANAGER_ROLE, requireSession, type SessionVariables } from "../auth/session-middleware.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberProfileView } from "../member/profile-view.ts";
import type { Freshness } from "../upstream/cached-upstream.ts";

export type MemberActivitiesBody =
  | { enrolled: true; activities: MemberActivity[]; freshness: Freshness }
  | { enrolled: false; activities: []; freshness: null };

export interface MeDeps {
  memberActivities: MemberActivities;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function meRoutes(deps: MeDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .use(requireSession())
    .get("/", (c) => {
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
          // Filled from the stored Live Push profile; null until CrowdTwist has pushed one.
          profile: null as MemberProfileView | null,
        },
        200,
      );
    })
    .get("/activities", async (c): Promise<TypedResponse<MemberActivitiesBody, 200, "json">> => {
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
      // The activities are cached as JSON text; splice it in rather than parse and re-serialise.
      const body = `{"enrolled":true,"activities":${result.activitiesJson},"freshness":${JSON.stringify(result.freshness)}}`;
      return c.body(body, 200, JSON_HEADERS) as unknown as TypedResponse<MemberActivitiesBody, 200, "json">;
    });
}
