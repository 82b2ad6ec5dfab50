import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import type { Program } from "@portal/loyalty/program";
import { z } from "zod";

// The program settings CrowdTwist "provides separately": tier ids with titles and thresholds, how
// campaigns stack, and one preview persona per tier for the manager area. One validated file.

export const DEFAULT_PROGRAM_CONFIG = resolve(import.meta.dirname, "../config/program.json");

const tierSchema = z.object({
  id: z.string().regex(/^\d+$/, "a CrowdTwist tier id (digits)"),
  title: z.string().min(1),
  minScore: z.number().int().min(0),
  maxScore: z.number().int().min(0).nullable(),
});

const programConfigSchema = z
  .object({
    name: z.string().min(1),
    tiers: z.array(tierSchema).min(1),
    campaignStacking: z.enum(["best_single", "additive", "multiplicative"]).default("best_single"),
    endingSoonDays: z.number().int().min(0).default(7),
    atRiskDays: z.number().int().min(0).default(30),
    previewPersonas: z
      .array(z.object({ tierId: z.string(), idType: z.enum(CROWDTWIST_ID_TYPES), userId: z.string().min(1) }))
      .default([]),
  })
  .superRefine((config, ctx) => {
    const ids = new Set(config.tiers.map((tier) => tier.id));
    if (ids.size !== config.tiers.length)
      ctx.addIssue({ code: "custom", path: ["tiers"], message: "tier ids must be unique" });
    config.previewPersonas.forEach((persona, index) => {
      if (!ids.has(persona.tierId)) {
        ctx.addIssue({
          code: "custom",
          path: ["previewPersonas", index, "tierId"],
          message: `no tier with id ${persona.tierId}`,
        });
      }
    });
  });

export type ProgramConfig = z.infer<typeof programConfigSchema> & { program: Program };

export function parseProgramConfig(input: unknown, source = "program config"): ProgramConfig {
  const result = programConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new Error(`${source} is invalid:\n${problems.join("\n")}`);
  }
  const config = result.data;
  return {
    ...config,
    program: {
      tiers: [...config.tiers].sort((a, b) => a.minScore - b.minScore),
      campaignStacking: config.campaignStacking,
      endingSoonDays: config.endingSoonDays,
      atRiskDays: config.atRiskDays,
    },
  };
}

export function loadProgramConfig(path = DEFAULT_PROGRAM_CONFIG): ProgramConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`PROGRAM_CONFIG ${path} could not be read as JSON: ${(error as Error).message}`);
  }
  return parseProgramConfig(raw, `PROGRAM_CONFIG ${path}`);
}
