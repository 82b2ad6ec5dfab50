import { Hono } from "hono";
import { z } from "zod";
import { type Faults, faultRuleSchema } from "../faults/faults.ts";
import { renderLivePushProfile } from "../live-push/profile.ts";
import type { LivePushSender } from "../live-push/sender.ts";
import type { ProgramState } from "../program/state.ts";

// The sandbox's own control surface (never part of the upstream APIs): demo actions for people and
// fault injection for tests. It only exists in the sandbox, which refuses to run in production.

const livePushFaultsSchema = z.object({ duplicate: z.boolean(), outOfOrder: z.boolean() }).partial().strict();

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

function invalid(error: z.ZodError) {
  return {
    error: "invalid_request",
    message: error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "),
  };
}

export function controlRoutes(deps: { state: ProgramState; faults: Faults; livePush: LivePushSender }) {
  const { state, faults, livePush } = deps;

  function summary() {
    return state.members().map((member) => ({
      username: member.username,
      tier: state.tier(member.tierId)?.title ?? null,
      tierScore: member.tierScore,
      timeframeScore: member.timeframeScore,
      totalPoints: member.totalPoints,
      dateLastUpdated: member.dateLastUpdated,
    }));
  }

  return (
    new Hono()
      .get("/members", (c) => c.json({ members: summary() }))
      .post("/members/:username/complete/:activityId", (c) => {
        const activityId = Number(c.req.param("activityId"));
        if (!Number.isInteger(activityId)) {
          return c.json({ error: "invalid_request", message: "activityId must be a whole number." }, 400);
        }
        const result = state.complete(c.req.param("username"), activityId);
        if (!result.ok) return c.json({ error: "refused", message: result.reason }, result.status);
        const body = renderLivePushProfile(result.member, state.program.tiers, new Date());
        // The push goes out in the background, as CrowdTwist's does: the caller watches the portal.
        void livePush.send(body);
        return c.json({
          awarded: result.awarded,
          tierChanged: result.tierChanged,
          tier: state.tier(result.member.tierId)?.title ?? null,
          totalPoints: result.member.totalPoints,
          dateLastUpdated: result.member.dateLastUpdated,
        });
      })
      // The member's tier period ends now (CrowdTwist's expiration): MAINTAIN, DROP or RESET, pushed.
      .post("/members/:username/tier-period-end", (c) => {
        const result = state.endTierPeriod(c.req.param("username"));
        if (!result.ok) return c.json({ error: "not_found", message: result.reason }, result.status);
        void livePush.send(renderLivePushProfile(result.member, state.program.tiers, new Date()));
        return c.json({
          event: result.event,
          tier: state.tier(result.member.tierId)?.title ?? null,
          tierScore: result.member.tierScore,
          dateAssigned: result.member.dateAssigned.toISOString(),
          dateLastUpdated: result.member.dateLastUpdated,
        });
      })
      .post("/members/:username/push", async (c) => {
        const member = state.members().find((m) => m.username === c.req.param("username"));
        if (!member) return c.json({ error: "not_found", message: "No such demo member." }, 404);
        const acknowledged = await livePush.send(
          renderLivePushProfile(member, state.program.tiers, new Date()),
        );
        return c.json({ acknowledged });
      })
      .get("/faults", (c) => c.json({ rules: faults.rules(), ...faults.stats(), livePush: livePush.faults }))
      .post("/faults", async (c) => {
        const parsed = faultRuleSchema.safeParse(await jsonBody(c.req.raw));
        if (!parsed.success) return c.json(invalid(parsed.error), 400);
        faults.add(parsed.data);
        return c.json({ rules: faults.rules() }, 201);
      })
      .delete("/faults", (c) => {
        faults.clear();
        faults.resetStats();
        livePush.setFaults({ duplicate: false, outOfOrder: false });
        return c.body(null, 204);
      })
      .post("/live-push/faults", async (c) => {
        const parsed = livePushFaultsSchema.safeParse(await jsonBody(c.req.raw));
        if (!parsed.success) return c.json(invalid(parsed.error), 400);
        livePush.setFaults(parsed.data);
        return c.json({ livePush: livePush.faults });
      })
      .get("/live-push/deliveries", (c) => c.json({ deliveries: livePush.deliveries() }))
      .post("/reset", async (c) => {
        state.reset();
        faults.clear();
        faults.resetStats();
        livePush.setFaults({ duplicate: false, outOfOrder: false });
        // The reset profiles go out as pushes, so the portal resets too; wait a little for them.
        const pushes = Promise.all(
          state
            .members()
            .map((m) => livePush.send(renderLivePushProfile(m, state.program.tiers, new Date()))),
        );
        await Promise.race([pushes, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        return c.json({ members: summary() });
      })
  );
}
