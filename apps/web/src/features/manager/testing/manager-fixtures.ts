import type { ActivityPreview, KnownActivity, PersonaCheck } from "../api/manager-queries.ts";

// Shapes as the BFF's /api/manager routes send them for the sandbox's demo program.

export const TIERS = [
  { id: "334", title: "Bronze", minScore: 0, maxScore: 999 },
  { id: "345", title: "Silver", minScore: 1000, maxScore: 2499 },
  { id: "356", title: "Gold", minScore: 2500, maxScore: null },
];
const [bronze, silver, gold] = TIERS as [(typeof TIERS)[0], (typeof TIERS)[0], (typeof TIERS)[0]];

export function knownActivityFixture(
  overrides: Partial<KnownActivity> & Pick<KnownActivity, "id">,
): KnownActivity {
  return {
    title: `Activity ${overrides.id}`,
    publicTitle: `Activity ${overrides.id}`,
    categoryId: "4",
    categoryName: "Buy",
    typeName: "Purchase",
    channelName: "Web client site activity",
    tags: [],
    segment: null,
    byTier: TIERS.map((tier) => ({ tierId: tier.id, observed: "available" as const })),
    ...overrides,
  };
}

type Activity = ActivityPreview["activity"];

export function extendedFixture(overrides: Partial<Activity> & Pick<Activity, "id">): Activity {
  return {
    name: `ct-${overrides.id}`,
    title: `CT ${overrides.id} internal`,
    description: "Internal notes.",
    publicTitle: `Activity ${overrides.id}`,
    publicDescription: "What members read.",
    numPoints: 2000,
    image: "",
    categoryId: "4",
    categoryName: "Buy",
    type: "your_site",
    typeId: "7",
    typeName: "Your site",
    channelId: "24",
    channelName: "Web client site activity",
    frequency: { cap: 1, periodId: "2", periodName: "One Calendar Day", requiredAttempts: null },
    redirectUrl: null,
    pointsOnClick: false,
    actionTags: null,
    dateStart: "2026-01-01T00:00:00.000Z",
    dateEnd: null,
    minTierId: null,
    showAsLockedByTier: false,
    tags: [],
    segment: null,
    extraData: null,
    ...overrides,
  };
}

const cells = (states: ("available" | "locked" | "hidden")[], unlock = silver) =>
  TIERS.map((tier, i) => {
    const state = states[i] ?? "available";
    return {
      tier,
      visibility:
        state === "available"
          ? { state, unknownTier: false }
          : state === "locked"
            ? { state, unlockTier: unlock, unknownTier: false }
            : { state, reason: "tier" as const, unknownTier: false },
    };
  });

const persona = (
  tierId: string,
  userId: string,
  expected: PersonaCheck["expected"],
  observed: PersonaCheck["observed"],
): PersonaCheck => ({
  tierId,
  userId,
  expected,
  observed,
  agrees: observed === null ? null : expected.includes(observed === "absent" ? "hidden" : observed),
});

/** 105: locked for Bronze, from Silver up; CrowdTwist agrees. */
export function lockedPreviewFixture(): ActivityPreview {
  return {
    activity: extendedFixture({
      id: "105",
      publicTitle: "Buy a season ticket",
      minTierId: "345",
      showAsLockedByTier: true,
      tags: [{ id: "4", name: "Tickets" }],
    }),
    matrix: {
      tiers: TIERS,
      unknownTier: false,
      rows: [{ audience: "everyone", cells: cells(["locked", "available", "available"]) }],
    },
    personas: [
      persona("334", "ava", ["locked"], "locked"),
      persona("345", "ben", ["available"], "available"),
      persona("356", "cleo", ["available"], "available"),
    ],
    cards: [],
    notNow: [],
    alida: { state: "not_linked" },
  };
}

/** 107 hidden below Gold, with ava's persona disagreeing (CrowdTwist shows it to her). */
export function disagreeingPreviewFixture(): ActivityPreview {
  return {
    activity: extendedFixture({ id: "107", publicTitle: "Private collection preview", minTierId: "356" }),
    matrix: {
      tiers: TIERS,
      unknownTier: false,
      rows: [{ audience: "everyone", cells: cells(["hidden", "hidden", "available"], gold) }],
    },
    personas: [
      persona("334", "ava", ["hidden"], "available"),
      persona("345", "ben", ["hidden"], "hidden"),
      persona("356", "cleo", ["available"], null),
    ],
    cards: [],
    notNow: [],
    alida: { state: "not_linked" },
  };
}

/** 113: New York members only. */
export function segmentPreviewFixture(): ActivityPreview {
  const hidden = TIERS.map((tier) => ({
    tier,
    visibility: { state: "hidden" as const, reason: "segment" as const, unknownTier: false },
  }));
  return {
    activity: extendedFixture({
      id: "113",
      publicTitle: "New York meetup",
      segment: { name: "New York", subscriptionId: "9001", eligibility: "inclusion" },
    }),
    matrix: {
      tiers: TIERS,
      unknownTier: false,
      rows: [
        { audience: "in_segment", cells: cells(["available", "available", "available"]) },
        { audience: "out_of_segment", cells: hidden },
      ],
    },
    personas: [
      persona("334", "ava", ["available", "hidden"], "absent"),
      persona("345", "ben", ["available", "hidden"], "available"),
      persona("356", "cleo", ["available", "hidden"], "absent"),
    ],
    cards: [],
    notNow: [],
    alida: { state: "not_linked" },
  };
}

export { bronze, gold, silver };
