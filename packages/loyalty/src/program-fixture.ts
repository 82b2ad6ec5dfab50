import type { Program, ProgramTier } from "./program.ts";

// The three-tier program the tests share, shaped like the sandbox's demo program.

export const bronze: ProgramTier = { id: "10", title: "Bronze", minScore: 0, maxScore: 999 };
export const silver: ProgramTier = { id: "20", title: "Silver", minScore: 1000, maxScore: 2499 };
export const gold: ProgramTier = { id: "30", title: "Gold", minScore: 2500, maxScore: null };

export function testProgram(overrides: Partial<Program> = {}): Program {
  return {
    tiers: [bronze, silver, gold],
    campaignStacking: "best_single",
    endingSoonDays: 7,
    atRiskDays: 14,
    ...overrides,
  };
}
