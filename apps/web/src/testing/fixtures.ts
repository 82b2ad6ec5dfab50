import type { ActivitiesBody, Activity } from "../features/activities/api/activities-query.ts";
import type { HistoryPage } from "../features/history/api/history-query.ts";
import type { Me, MemberProfileView } from "../features/member/api/me-query.ts";

// Shapes as the BFF sends them, taken from the sandbox's demo member ava.

const LADDER = [
  { id: "334", title: "Bronze", minScore: 0, maxScore: 999 },
  { id: "345", title: "Silver", minScore: 1000, maxScore: 2499 },
  { id: "356", title: "Gold", minScore: 2500, maxScore: null },
];

/** The demo program's tiers as /api/me sends them (apps/bff/config/program.json, shortened). */
export const PROGRAM_TIERS = [
  { id: "334", title: "Bronze", minScore: 0, maxScore: 999, benefits: ["1 point for every £1 you spend"] },
  {
    id: "345",
    title: "Silver",
    minScore: 1000,
    maxScore: 2499,
    benefits: ["Early access to season tickets", "10% off in the club store"],
  },
  { id: "356", title: "Gold", minScore: 2500, maxScore: null, benefits: ["VIP lounge access on match days"] },
];

export function profileFixture(overrides: Partial<MemberProfileView> = {}): MemberProfileView {
  return {
    tier: {
      current: { id: "334", title: "Bronze", minScore: 0, maxScore: 999 },
      next: { id: "345", title: "Silver", minScore: 1000, maxScore: 2499 },
      isTopTier: false,
      // Numbers that add up, as the BFF makes them: 350 of Silver's 1,000 is 650 to go and 35 %.
      score: 350,
      pointsToNext: 650,
      progress: 0.35,
      ladder: LADDER,
      maintain: { pointsNeeded: 120, by: "2026-12-31T12:00:00.000Z", daysLeft: 38, atRisk: false },
      resetDate: "2027-01-01T12:00:00.000Z",
    },
    points: { total: 1350, redeemable: 350, tierScore: 350 },
    lastEvent: { event: "JUMP", tierTitle: "Bronze", at: "2026-03-03T12:00:00.000Z" },
    history: [
      { event: "JUMP", tierTitle: "Bronze", at: "2024-03-03T12:00:00.000Z" },
      { event: "START", tierTitle: "Bronze", at: "2023-01-10T12:00:00.000Z" },
    ],
    lastPush: { dateLastUpdated: "2026-11-23T10:00:00.000Z", receivedAt: "2026-11-23T10:00:00.000Z" },
    plan: null,
    active: true,
    ...overrides,
  };
}

export const topTierProfile = (): MemberProfileView =>
  profileFixture({
    tier: {
      current: { id: "356", title: "Gold", minScore: 2500, maxScore: null },
      next: null,
      isTopTier: true,
      score: 4200,
      pointsToNext: null,
      progress: 1,
      ladder: LADDER,
      maintain: { pointsNeeded: 300, by: "2026-11-26T12:00:00.000Z", daysLeft: 3, atRisk: true },
      resetDate: null,
    },
    lastEvent: { event: "JUMP", tierTitle: "Gold", at: "2026-03-03T12:00:00.000Z" },
  });

export function meFixture(profile: MemberProfileView | null = profileFixture()): Me {
  return {
    user: {
      sub: "ava",
      name: "Ava Lindqvist",
      email: "ava@example.com",
      roles: ["member"],
      isManager: false,
    },
    profile,
    program: { timeZone: "UTC", tiers: PROGRAM_TIERS },
  };
}

const window = (
  state: Activity["window"]["state"],
  daysLeft: number | null = null,
  end: string | null = null,
) => ({
  start: "2026-10-24T14:55:20.000Z",
  end,
  state,
  daysLeft,
});

const thisYear = new Date().getFullYear();
const SILVER = { id: "345", title: "Silver", minScore: 1000 };
const GOLD = { id: "356", title: "Gold", minScore: 2500 };

export function activityFixture(overrides: Partial<Activity> & Pick<Activity, "id" | "title">): Activity {
  return {
    description: `${overrides.title}.`,
    image: "http://localhost:4010/sandbox/images/x.svg",
    categoryId: "3",
    typeId: "7",
    type: "your_site",
    visibility: { state: "available" },
    window: window("open"),
    points: { base: 100, effective: 100, bonus: 0, campaigns: [], stacking: "best_single" },
    why: [],
    action: null,
    ...overrides,
  };
}

export const activitiesFixture = (): Activity[] => [
  activityFixture({
    id: "117",
    title: "Holiday sweepstakes",
    window: window("ending_soon", 2, "2026-11-25T14:55:20.000Z"),
    frequency: { cap: 1, period: "day", requiredAttempts: 1 },
    pointsOnClick: true,
    points: { base: 60, effective: 60, bonus: 0, campaigns: [], stacking: "best_single" },
  }),
  activityFixture({
    id: "109",
    title: "Redeem a winter code",
    categoryId: "4",
    points: {
      base: 200,
      effective: 650,
      bonus: 450,
      campaigns: [{ title: "Winter bonus", multiplier: 3, pointGift: 50, points: 650, applied: true }],
      stacking: "best_single",
    },
  }),
  activityFixture({
    id: "110",
    title: "Refer a friend",
    categoryId: "2",
    frequency: { cap: 5, period: "week", requiredAttempts: 2 },
    points: {
      base: 250,
      effective: 500,
      bonus: 250,
      campaigns: [
        { title: "Referral month", multiplier: 2, pointGift: 0, points: 500, applied: true },
        { title: "Holiday gift", multiplier: 1, pointGift: 100, points: 350, applied: false },
      ],
      stacking: "best_single",
    },
  }),
  activityFixture({
    id: "116",
    title: "Spring kickoff challenge",
    window: window("upcoming", 10),
    why: [
      { kind: "not_started", startsAt: `${thisYear}-12-03T12:00:00.000Z`, daysUntil: 10, action: "wait" },
    ],
  }),
  activityFixture({
    id: "105",
    title: "Buy a season ticket",
    categoryId: "4",
    visibility: { state: "locked", unlockTier: SILVER },
    points: { base: 2000, effective: 2000, bonus: 0, campaigns: [], stacking: "best_single" },
    why: [{ kind: "tier", unlockTier: SILVER, pointsToGo: null, action: "earn_points" }],
  }),
  activityFixture({
    id: "106",
    title: "Check in at the VIP lounge",
    visibility: { state: "locked", unlockTier: GOLD },
    points: { base: 300, effective: 300, bonus: 0, campaigns: [], stacking: "best_single" },
    why: [{ kind: "tier", unlockTier: GOLD, pointsToGo: null, action: "earn_points" }],
  }),
  activityFixture({
    id: "118",
    title: "Summer playlist",
    window: window("expired", null, "2026-11-18T14:55:20.000Z"),
    why: [{ kind: "ended", endedAt: "2026-11-18T14:55:20.000Z", action: "none" }],
  }),
];

export function activitiesBodyFixture(
  overrides: { activities?: Activity[]; degraded?: boolean; fetchedAt?: string } = {},
): ActivitiesBody {
  return {
    enrolled: true,
    activities: overrides.activities ?? activitiesFixture(),
    freshness: {
      fetchedAt: overrides.fetchedAt ?? new Date().toISOString(),
      ageSeconds: 0,
      degraded: overrides.degraded ?? false,
    },
  };
}

type HistoryEntryFixture = HistoryPage["entries"][number];

/** Points history entries as the BFF sends them (ava's: a completion, an order, a completion). */
export function historyEntryFixture(
  overrides: Partial<HistoryEntryFixture> & Pick<HistoryEntryFixture, "id">,
): HistoryEntryFixture {
  return {
    kind: "earned",
    activityId: "102",
    title: "Follow us on Twitter",
    points: 75,
    at: "2026-11-23T10:00:00.000Z",
    reward: null,
    ...overrides,
  };
}

export const historyPageFixture = (
  entries: HistoryEntryFixture[] = [
    historyEntryFixture({ id: "9003", activityId: "103", title: "Share a post on Facebook", points: 80 }),
    historyEntryFixture({
      id: "9002",
      kind: "redeemed",
      activityId: "900",
      title: "$20 Gift Card",
      points: -300,
      at: "2026-11-22T09:30:00.000Z",
      reward: { orderId: "5001", title: "$20 Gift Card" },
    }),
    historyEntryFixture({ id: "9001", at: "2026-11-20T08:00:00.000Z" }),
  ],
  next: string | null = null,
): HistoryPage => ({ entries, next });
