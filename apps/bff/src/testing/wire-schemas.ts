import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import { INSTRUCTIONS } from "@portal/loyalty/activity-action";
import type { hc, InferResponseType } from "hono/client";
import type { JSONParsed } from "hono/utils/types";
import { z } from "zod";
import type { AppType } from "../app.ts";
import type { MemberPreviewBody } from "../routes/manager.ts";
import type { MemberActivitiesBody } from "../routes/me.ts";

/*
 * What the activities answer and the manager's member preview are on the wire, as zod schemas that
 * tests parse real answers with (routes/wire-contract.test.ts). Each schema is held equal, at compile
 * time, to the type the web's `hc` client reads for its route and to `JSONParsed` of the body type
 * the BFF serialised: a field added, dropped or retyped on either side fails `tsc -b`, and bytes
 * that do not match what the types say fail the tests. Strict objects: a field the types do not
 * name (a leak such as `isHiddenByTier`) fails too.
 */

const isoDate = z.iso.datetime({ offset: true });

const unlockTier = z.strictObject({ id: z.string(), title: z.string(), minScore: z.number() });
const frequencyPeriod = z.enum([
  "day",
  "week",
  "month",
  "year",
  "lifetime",
  "rolling_24h",
  "rolling_7d",
  "rolling_30d",
  "rolling_365d",
  "unknown",
]);
const frequencyRule = z.strictObject({
  cap: z.number(),
  period: frequencyPeriod,
  requiredAttempts: z.number(),
});
const communityKind = z.enum(["survey", "forum", "activity"]);
const communityBlock = z.enum(["closed", "hidden", "not_ready"]);
const unavailableAction = z.enum(["earn_points", "wait", "none"]);

const unavailableReason = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("tier"),
    unlockTier: unlockTier.nullable(),
    pointsToGo: z.number().nullable(),
    action: unavailableAction,
  }),
  z.strictObject({
    kind: z.literal("segment"),
    eligibility: z.enum(["inclusion", "exclusion"]),
    segmentName: z.string(),
    action: z.literal("none"),
  }),
  z.strictObject({
    kind: z.literal("not_started"),
    startsAt: isoDate,
    daysUntil: z.number(),
    action: unavailableAction,
  }),
  z.strictObject({ kind: z.literal("ended"), endedAt: isoDate, action: z.literal("none") }),
  z.strictObject({
    kind: z.literal("community"),
    block: communityBlock,
    community: communityKind,
    action: z.literal("none"),
  }),
  z.strictObject({
    kind: z.literal("frequency_cap"),
    rule: frequencyRule,
    resetsAt: isoDate.nullable(),
    action: unavailableAction,
  }),
]);

const activityAction = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("link"), url: z.string(), pointsOnClick: z.boolean() }),
  z.strictObject({ kind: z.literal("community"), url: z.string(), community: communityKind }),
  z.strictObject({ kind: z.literal("instruction"), instruction: z.enum(INSTRUCTIONS) }),
]);

export const memberActivitySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  image: z.string(),
  categoryId: z.string().nullable(),
  typeId: z.string(),
  type: z.string().nullable(),
  visibility: z.discriminatedUnion("state", [
    z.strictObject({ state: z.literal("available") }),
    z.strictObject({ state: z.literal("locked"), unlockTier: unlockTier.nullable() }),
  ]),
  window: z.strictObject({
    start: isoDate.nullable(),
    end: isoDate.nullable(),
    state: z.enum(["upcoming", "open", "ending_soon", "expired"]),
    daysLeft: z.number().nullable(),
  }),
  points: z.strictObject({
    base: z.number(),
    effective: z.number(),
    bonus: z.number(),
    campaigns: z.array(
      z.strictObject({
        title: z.string(),
        multiplier: z.number(),
        pointGift: z.number(),
        points: z.number(),
        applied: z.boolean(),
      }),
    ),
    stacking: z.enum(["best_single", "additive", "multiplicative"]),
  }),
  frequency: frequencyRule.nullable().optional(),
  pointsOnClick: z.boolean().optional(),
  segment: z
    .strictObject({
      subscriptionId: z.string(),
      eligibility: z.enum(["inclusion", "exclusion"]),
      name: z.string(),
    })
    .nullable()
    .optional(),
  community: z
    .discriminatedUnion("checked", [
      z.strictObject({ checked: z.literal(true), kind: communityKind, blocks: z.array(communityBlock) }),
      z.strictObject({ checked: z.literal(false) }),
    ])
    .optional(),
  why: z.array(unavailableReason),
  action: activityAction.nullable(),
  done: z.boolean().optional(),
  progress: z
    .strictObject({ count: z.number(), cap: z.number(), period: frequencyPeriod })
    .nullable()
    .optional(),
});

const freshness = z.strictObject({ fetchedAt: isoDate, ageSeconds: z.number(), degraded: z.boolean() });

/** `GET /api/me/activities`, 200. */
export const activitiesBodySchema = z.discriminatedUnion("enrolled", [
  z.strictObject({ enrolled: z.literal(true), activities: z.array(memberActivitySchema), freshness }),
  z.strictObject({ enrolled: z.literal(false), activities: z.tuple([]), freshness: z.null() }),
]);

const tierView = z.strictObject({
  id: z.string().nullable(),
  title: z.string(),
  minScore: z.number(),
  maxScore: z.number().nullable(),
});
const tierAssignment = z.strictObject({
  event: z.enum(["JUMP", "DROP", "MAINTAIN", "RESET", "START"]).nullable(),
  tierTitle: z.string(),
  at: isoDate,
});
const tierPath = z.strictObject({
  reachable: z.boolean(),
  steps: z.array(
    z.strictObject({ activityId: z.string(), title: z.string(), times: z.number(), points: z.number() }),
  ),
  totalPoints: z.number(),
  shortfall: z.number(),
});

const profileView = z.strictObject({
  tier: z.strictObject({
    current: tierView.nullable(),
    next: tierView.nullable(),
    isTopTier: z.boolean(),
    score: z.number().nullable(),
    pointsToNext: z.number().nullable(),
    progress: z.number(),
    ladder: z.array(tierView),
    maintain: z
      .strictObject({
        pointsNeeded: z.number(),
        by: isoDate.nullable(),
        daysLeft: z.number().nullable(),
        atRisk: z.boolean(),
      })
      .nullable(),
    resetDate: isoDate.nullable(),
  }),
  active: z.boolean().nullable(),
  points: z.strictObject({
    total: z.number().nullable(),
    redeemable: z.number().nullable(),
    tierScore: z.number().nullable(),
  }),
  lastEvent: tierAssignment.nullable(),
  history: z.array(tierAssignment),
  lastPush: z.strictObject({ dateLastUpdated: isoDate, receivedAt: isoDate }),
  plan: z.strictObject({ toNextTier: tierPath.nullable(), toKeep: tierPath.nullable() }).nullable(),
  expiringPoints: z.array(z.strictObject({ points: z.number(), date: isoDate })).optional(),
});

const historyEntry = z.strictObject({
  id: z.string(),
  kind: z.enum(["earned", "redeemed"]),
  activityId: z.string(),
  title: z.string().nullable(),
  titleTranslated: z.boolean().optional(),
  points: z.number(),
  at: isoDate,
  reward: z.strictObject({ orderId: z.string(), title: z.string().nullable() }).nullable(),
});

const segmentView = z.strictObject({
  type: z.string(),
  subscriptionId: z.string(),
  name: z.string().nullable(),
  member: z.boolean(),
  since: isoDate,
  trigger: z.string().nullable(),
});

const idType = z.enum(CROWDTWIST_ID_TYPES);
const previewCommon = {
  member: z.strictObject({ idType, userId: z.string() }),
  auditId: z.string(),
  readOnly: z.literal(true),
  profile: profileView.nullable(),
  history: z.array(historyEntry).nullable(),
  segments: z.array(segmentView).nullable(),
  profileIdType: idType,
};

/** `POST /api/manager/preview-member`, 200. */
export const memberPreviewSchema = z.discriminatedUnion("enrolled", [
  z.strictObject({
    ...previewCommon,
    enrolled: z.literal(true),
    activities: z.array(memberActivitySchema),
    freshness,
  }),
  z.strictObject({
    ...previewCommon,
    enrolled: z.literal(false),
    activities: z.tuple([]),
    freshness: z.null(),
  }),
]);

// The schemas, the BFF's body types as JSON turns them, and what the web's client reads: one type.
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
type Client = ReturnType<typeof hc<AppType>>;
type ActivitiesOnTheClient = InferResponseType<Client["api"]["me"]["activities"]["$get"], 200>;
type PreviewOnTheClient = InferResponseType<Client["api"]["manager"]["preview-member"]["$post"], 200>;

export const sameTypes: [
  Equal<z.output<typeof activitiesBodySchema>, JSONParsed<MemberActivitiesBody>>,
  Equal<z.output<typeof activitiesBodySchema>, ActivitiesOnTheClient>,
  Equal<z.output<typeof memberPreviewSchema>, JSONParsed<MemberPreviewBody>>,
  Equal<z.output<typeof memberPreviewSchema>, PreviewOnTheClient>,
] = [true, true, true, true];
