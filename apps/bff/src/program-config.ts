import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import type { Program } from "@portal/loyalty/program";
import { z } from "zod";
import { contrastRatio, HEX_COLOUR } from "./brand/contrast.ts";

// The program settings CrowdTwist "provides separately": tier ids with titles and thresholds, how
// campaigns stack, and one preview persona per tier for the manager area; and what the brand edits:
// the program's name, logo and colours, and each tier's benefits in words. One validated file,
// documented in docs/program-config.md.

export const DEFAULT_PROGRAM_CONFIG = resolve(import.meta.dirname, "../config/program.json");

/** A misspelt key (`colours`, `logoUrl`) is refused by name rather than dropped without a word. */
const unknownKeys = {
  error: (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === "unrecognized_keys"
      ? `unknown ${issue.keys?.length === 1 ? "key" : "keys"} ${(issue.keys ?? []).map((key) => `"${key}"`).join(", ")} (every field: docs/program-config.md)`
      : undefined,
};

const tierSchema = z.strictObject(
  {
    id: z.string().regex(/^\d+$/, "a CrowdTwist tier id (digits)"),
    title: z.string().min(1),
    minScore: z.number().int().min(0),
    maxScore: z.number().int().min(0).nullable(),
    // Optional: configs written before the brand existed have none, and a tier may bring nothing to list.
    benefits: z
      .array(z.string().trim().min(1, "a benefit in words, not empty").max(200), {
        error: "what this tier brings members, as a list of sentences",
      })
      .default([])
      .superRefine((benefits, ctx) => {
        benefits.forEach((benefit, index) => {
          if (benefits.indexOf(benefit) !== index)
            ctx.addIssue({ code: "custom", path: [index], message: `"${benefit}" is listed twice` });
        });
      }),
  },
  unknownKeys,
);

const colour = z.string().regex(HEX_COLOUR, "a hex colour such as #4338ca");
const paletteSchema = z.strictObject(
  { primary: colour, onPrimary: colour, accent: colour, onAccent: colour },
  unknownKeys,
);
export type BrandPalette = z.infer<typeof paletteSchema>;

/** The portal's own indigo and amber: what a program that sets no colours looks like. */
export const DEFAULT_COLORS: { light: BrandPalette; dark: BrandPalette } = {
  light: { primary: "#432dd7", onPrimary: "#ffffff", accent: "#fee685", onAccent: "#461901" },
  dark: { primary: "#a3b3ff", onPrimary: "#030712", accent: "#fee685", onAccent: "#461901" },
};

/**
 * The backgrounds brand colours sit on (Tailwind's white and gray-50 cards and page, gray-900 and
 * gray-950 in dark mode): `primary` is also used as text on them (links, the progress bar).
 */
export const SURFACES = {
  light: { "page background": "#f9fafb", "card background": "#ffffff" },
  dark: { "page background": "#030712", "card background": "#101828" },
} as const;

/** WCAG 2.2 AA for normal-size text. */
const AA_TEXT = 4.5;

/**
 * An https URL, or a path on the portal's own origin (a file in the web app's `public/` folder):
 * the only places the page's Content-Security-Policy (`img-src 'self' data: https:`) loads from.
 */
const logoSchema = z.string().refine(
  (value) =>
    (/^\/(?![/\\])[^\s?#\\]*$/.test(value) &&
      !value.split("/").includes("..") &&
      // `%2e` is a dot to the browser and the file server: no way round the `..` check.
      !/%2e/i.test(value) &&
      // The API's and the webhooks' paths are not files.
      !/^\/(api|webhooks)(\/|$)/.test(value)) ||
    (URL.canParse(value) && new URL(value).protocol === "https:"),
  "an https:// URL or a path on the portal's own origin such as /brand/logo.svg",
);

/** One BCP 47 language tag, kept in its canonical spelling ("en", "fr-CA", "pt-BR"). */
const languageTagSchema = z.string().transform((value, ctx) => {
  try {
    const [canonical, ...more] = Intl.getCanonicalLocales(value.trim());
    // A language's own code (two or three letters, ISO 639), not a name BCP 47 would also take.
    if (canonical && more.length === 0 && /^[a-z]{2,3}(-|$)/.test(canonical)) return canonical;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: 'one language tag such as "en", "en-GB" or "fr"' });
  return z.NEVER;
});

const programConfigSchema = z
  .strictObject(
    {
      /** A note for whoever edits the file; the portal ignores it. */
      $comment: z.string().optional(),
      name: z.string().trim().min(1).max(60),
      // The language the brand writes in (the name, tier names and benefits, and what CrowdTwist's
      // activity list carries): text in it is marked so on a page in another (ADR 0041).
      contentLanguage: languageTagSchema.default("en"),
      logo: logoSchema.nullable().default(null),
      colors: z
        .strictObject({ light: paletteSchema, dark: paletteSchema }, unknownKeys)
        .default(DEFAULT_COLORS),
      tiers: z.array(tierSchema).min(1),
      campaignStacking: z.enum(["best_single", "additive", "multiplicative"]).default("best_single"),
      endingSoonDays: z.number().int().min(0).default(7),
      atRiskDays: z.number().int().min(0).default(30),
      previewPersonas: z
        .array(
          z.strictObject(
            { tierId: z.string(), idType: z.enum(CROWDTWIST_ID_TYPES), userId: z.string().min(1) },
            unknownKeys,
          ),
        )
        .default([]),
    },
    unknownKeys,
  )
  .superRefine((config, ctx) => {
    const ids = new Set(config.tiers.map((tier) => tier.id));
    if (ids.size !== config.tiers.length)
      ctx.addIssue({ code: "custom", path: ["tiers"], message: "tier ids must be unique" });
    for (const scheme of ["light", "dark"] as const) {
      const palette = config.colors[scheme];
      const pairs = [
        ["onPrimary", "primary"],
        ["onAccent", "accent"],
      ] as const;
      for (const [text, background] of pairs) {
        const ratio = contrastRatio(palette[text], palette[background]);
        if (ratio < AA_TEXT)
          ctx.addIssue({
            code: "custom",
            path: ["colors", scheme, text],
            message: `${palette[text]} on ${background} ${palette[background]} has a contrast of ${ratio.toFixed(2)}:1; text needs at least ${AA_TEXT}:1 (WCAG AA)`,
          });
      }
      for (const [surface, hex] of Object.entries(SURFACES[scheme])) {
        const ratio = contrastRatio(palette.primary, hex);
        if (ratio < AA_TEXT)
          ctx.addIssue({
            code: "custom",
            path: ["colors", scheme, "primary"],
            message: `${palette.primary} as text on the ${scheme} ${surface} ${hex} has a contrast of ${ratio.toFixed(2)}:1; it needs at least ${AA_TEXT}:1 (WCAG AA)`,
          });
      }
    }
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
      tiers: [...config.tiers]
        .sort((a, b) => a.minScore - b.minScore)
        .map(({ id, title, minScore, maxScore }) => ({ id, title, minScore, maxScore })),
      campaignStacking: config.campaignStacking,
      endingSoonDays: config.endingSoonDays,
      atRiskDays: config.atRiskDays,
    },
  };
}

/** Every tier as members are told of it, lowest first: threshold and benefits in words. */
export function memberTiers(config: ProgramConfig) {
  return [...config.tiers]
    .sort((a, b) => a.minScore - b.minScore)
    .map(({ id, title, minScore, maxScore, benefits }) => ({ id, title, minScore, maxScore, benefits }));
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
