import { Hono } from "hono";
import type { SeedProgram } from "../program/seed-types.ts";
import { ALIDA_ACTIVITY_FIELDS } from "./activity-fields.ts";
import { oauthTokenRoute } from "./oauth-token-route.ts";
import { type RenderContext, renderActivity, renderSummary } from "./render-activity.ts";
import { requireBearer } from "./require-bearer.ts";
import { createTokenStore } from "./token-store.ts";

// The sandbox's stand-in for Alida v1 (upstream-docs/alida-v1-activity.txt): its token endpoint,
// the activity resource and the summary its link points to, plus a test hook to revoke tokens.

export interface AlidaRoutesOptions {
  alida: SeedProgram["alida"];
  startedAt: Date;
  publicUrl: string;
  communityApiKeyName: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

export function alidaRoutes(options: AlidaRoutesOptions): Hono {
  const tokens = createTokenStore(options.tokenTtlSeconds);
  const bearer = requireBearer(tokens);
  const context: RenderContext = {
    panelId: options.alida.panelId,
    startedAt: options.startedAt,
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
  };
  const findActivity = (id: string) => options.alida.activities.find((activity) => activity.id === id);
  const tenantPath = "/c/services/api/v1/tenants/:panelId/activities/:id";

  return (
    new Hono()
      .route("/", oauthTokenRoute({ ...options, tokens }))
      .post("/sandbox/alida/revoke-tokens", (c) => c.json({ revoked: tokens.revokeAll() }))
      .get("/v1/applications/:communityApiKeyName/activities/:id", bearer, (c) => {
        if (c.req.param("communityApiKeyName") !== options.communityApiKeyName) {
          return c.json({ message: "Application not found" }, 404);
        }
        const activity = findActivity(c.req.param("id"));
        if (!activity) return c.json({ message: "Activity not found" }, 404);
        const fields = (c.req.query("fields") ?? "")
          .split(",")
          .map((field) => field.trim())
          .filter((field) => field !== "");
        const unknown = fields.filter((field) => !ALIDA_ACTIVITY_FIELDS.has(field));
        if (unknown.length > 0) return c.json({ message: `Unknown fields: ${unknown.join(", ")}` }, 400);
        const rendered = renderActivity(activity, context);
        if (fields.length === 0) return c.json(rendered);
        return c.json(Object.fromEntries(Object.entries(rendered).filter(([key]) => fields.includes(key))));
      })
      // The activity's own href: the same resource, addressed by panel.
      .get(tenantPath, bearer, (c) => {
        const activity =
          c.req.param("panelId") === context.panelId ? findActivity(c.req.param("id")) : undefined;
        if (!activity) return c.json({ message: "Activity not found" }, 404);
        return c.json(renderActivity(activity, context));
      })
      .get(`${tenantPath}/summary`, bearer, (c) => {
        const activity =
          c.req.param("panelId") === context.panelId ? findActivity(c.req.param("id")) : undefined;
        if (!activity) return c.json({ message: "Activity not found" }, 404);
        return c.json(renderSummary(activity, context));
      })
  );
}
