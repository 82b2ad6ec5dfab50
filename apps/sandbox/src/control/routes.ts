import { Hono } from "hono";
import { z } from "zod";
import { type Faults, faultRuleSchema } from "../faults/faults.ts";
import type { MemberPushes } from "../live-push/member-pushes.ts";
import type { LivePushSender } from "../live-push/sender.ts";
import type { ProgramState } from "../program/state.ts";

// The sandbox's own control surface (never part of the upstream APIs): demo actions for people and
// fault injection for tests. It only exists in the sandbox, which refuses to run in production.

const livePushFaultsSchema = z.object({ duplicate: z.boolean(), outOfOrder: z.boolean() }).partial().strict();
const segmentChangeSchema = z.object({ event: z.enum(["entered", "exited"]) }).strict();
const WHOLE = /^\d{1,12}$/;

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

export function controlRoutes(deps: {
  state: ProgramState;
  faults: Faults;
  livePush: LivePushSender;
  pushes: MemberPushes;
}) {
  const { state, faults, livePush, pushes } = deps;

  function summary() {
    return state.members().map((member) => ({
      username: member.username,
      tier: state.tier(member.tierId)?.title ?? null,
      tierScore: member.tierScore,
      timeframeScore: member.timeframeScore,
      totalPoints: member.totalPoints,
      redeemablePoints: member.redeemablePoints,
      dateLastUpdated: member.dateLastUpdated,
      segments: member.segments,
      expiring: member.expiring.map(({ points, date }) => ({ points, date: date.toISOString() })),
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
        // The pushes (the completion, then the profile) go out in the background, as CrowdTwist's
        // do: the caller watches the portal.
        void pushes.completion(result.member, {
          activityId: result.activity.id,
          awarded: result.awarded,
          at: result.at,
        });
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
        void pushes.profile(result.member);
        return c.json({
          event: result.event,
          tier: state.tier(result.member.tierId)?.title ?? null,
          tierScore: result.member.tierScore,
          dateAssigned: result.member.dateAssigned.toISOString(),
          dateLastUpdated: result.member.dateLastUpdated,
        });
      })
      // The member spends points on a reward: a negative completion, the order, the profile and the
      // expiring points it used up, pushed.
      .post("/members/:username/redeem/:rewardId", (c) => {
        if (!WHOLE.test(c.req.param("rewardId")))
          return c.json({ error: "invalid_request", message: "rewardId must be a whole number." }, 400);
        const result = state.redeem(c.req.param("username"), Number(c.req.param("rewardId")));
        if (!result.ok) return c.json({ error: "refused", message: result.reason }, result.status);
        void pushes.redemption(result.member, result.reward, result.at);
        return c.json({
          reward: result.reward.title,
          cost: result.reward.cost,
          redeemablePoints: result.member.redeemablePoints,
          dateLastUpdated: result.member.dateLastUpdated,
        });
      })
      // The member enters or exits a segment: the segment-restricted activities CrowdTwist lists for
      // them change at once, and a User Segmentation message is pushed.
      .post("/members/:username/segments/:subscriptionId", async (c) => {
        const parsed = segmentChangeSchema.safeParse(await jsonBody(c.req.raw));
        if (!parsed.success) return c.json(invalid(parsed.error), 400);
        if (!WHOLE.test(c.req.param("subscriptionId")))
          return c.json({ error: "invalid_request", message: "subscriptionId must be a whole number." }, 400);
        const result = state.setSegment(
          c.req.param("username"),
          Number(c.req.param("subscriptionId")),
          parsed.data.event === "entered",
        );
        if (!result.ok) return c.json({ error: "not_found", message: result.reason }, result.status);
        // CrowdTwist says nothing when nothing changed.
        if (result.changed) void pushes.segment(result.member, result.segment);
        return c.json({ changed: result.changed, segments: result.member.segments });
      })
      .get("/rewards", (c) => c.json({ rewards: state.program.rewards }))
      .post("/members/:username/push", async (c) => {
        const member = state.members().find((m) => m.username === c.req.param("username"));
        if (!member) return c.json({ error: "not_found", message: "No such demo member." }, 404);
        const acknowledged = await pushes.profile(member);
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
        // The reset profiles, expiring points and segments go out as pushes, so the portal resets
        // too (completions it recorded stay: no feed takes one back); wait a little for them.
        const sent = pushes.all();
        await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        return c.json({ members: summary() });
      })
  );
}
