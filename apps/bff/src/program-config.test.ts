import { seedProgram } from "@portal/sandbox/program/seed";
import { describe, expect, it } from "vitest";
import { loadProgramConfig, parseProgramConfig } from "./program-config.ts";

describe("program config", () => {
  it("describes the sandbox's demo program: same tier ids, titles and thresholds", () => {
    const config = loadProgramConfig();
    expect(config.program.tiers).toEqual(
      seedProgram.tiers.map((tier) => ({
        id: String(tier.id),
        title: tier.title,
        minScore: tier.minValue,
        maxScore: tier.maxValue,
      })),
    );
    expect(config.program.campaignStacking).toBe("best_single");
    expect(config.previewPersonas.map((p) => p.userId)).toEqual(["ava", "ben", "cleo"]);
  });

  it("names each wrong field", () => {
    const bad = {
      name: "x",
      tiers: [{ id: "gold", title: "", minScore: -1, maxScore: null }],
      campaignStacking: "sometimes",
      previewPersonas: [{ tierId: "999", idType: "google_user_id", userId: "a" }],
    };
    expect(() => parseProgramConfig(bad)).toThrow(
      /tiers\.0\.id[\s\S]*tiers\.0\.title[\s\S]*tiers\.0\.minScore[\s\S]*campaignStacking[\s\S]*previewPersonas\.0\.idType/,
    );
  });

  it("refuses a persona for a tier the program does not have", () => {
    const config = {
      name: "x",
      tiers: [{ id: "1", title: "One", minScore: 0, maxScore: null }],
      previewPersonas: [{ tierId: "2", idType: "third_party_id", userId: "a" }],
    };
    expect(() => parseProgramConfig(config)).toThrow(/previewPersonas\.0\.tierId: no tier with id 2/);
  });

  it("says which file could not be read", () => {
    expect(() => loadProgramConfig("/nonexistent/program.json")).toThrow(
      /PROGRAM_CONFIG \/nonexistent\/program.json/,
    );
  });
});
