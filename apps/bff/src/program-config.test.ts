import { seedProgram } from "@portal/sandbox/program/seed";
import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS, loadProgramConfig, parseProgramConfig } from "./program-config.ts";

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
      tiers: [{ id: "gold", title: "", minScore: -1, maxScore: null, benefits: ["b"] }],
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
      tiers: [{ id: "1", title: "One", minScore: 0, maxScore: null, benefits: ["b"] }],
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

/** A valid program with one override; `colors` replaced whole when given. */
const program = (overrides: Record<string, unknown> = {}) => ({
  name: "Harbourside Rewards",
  tiers: [
    { id: "1", title: "Bronze", minScore: 0, maxScore: 999, benefits: ["Member prices"] },
    { id: "2", title: "Silver", minScore: 1000, maxScore: null, benefits: ["Free delivery"] },
  ],
  ...overrides,
});

const palette = { primary: "#0b5d57", onPrimary: "#ffffff", accent: "#f6c453", onAccent: "#3a2400" };
const darkPalette = { primary: "#5fd4c4", onPrimary: "#032b28", accent: "#f6c453", onAccent: "#3a2400" };

describe("program config: what the brand edits", () => {
  it("ships the demo program's brand: a name, a logo on the portal's origin, colours, benefits for every tier", () => {
    const config = loadProgramConfig();
    expect(config.name).toBe("Harbourside Rewards");
    expect(config.logo).toBe("/brand/harbourside-logo.svg");
    expect(config.tiers.map((tier) => [tier.title, tier.benefits.length > 0])).toEqual([
      ["Bronze", true],
      ["Silver", true],
      ["Gold", true],
    ]);
  });

  it("gives a program without colours or logo the portal's own, which pass the contrast checks", () => {
    const config = parseProgramConfig(program());
    expect(config.logo).toBeNull();
    expect(config.colors).toEqual(DEFAULT_COLORS);
  });

  it("refuses a colour that is not hex, naming the key", () => {
    const colors = { light: { ...palette, primary: "teal" }, dark: { ...darkPalette, onAccent: "#12345" } };
    expect(() => parseProgramConfig(program({ colors }))).toThrow(
      /colors\.light\.primary: a hex colour such as #4338ca[\s\S]*colors\.dark\.onAccent: a hex colour/,
    );
  });

  it("refuses text and background pairs below WCAG AA, naming the key and the ratio", () => {
    const colors = {
      light: { ...palette, onPrimary: "#6b9f9a" },
      dark: { ...darkPalette, accent: "#444444", onAccent: "#555555" },
    };
    const error = captureError(() => parseProgramConfig(program({ colors }), "PROGRAM_CONFIG x.json"));
    expect(error).toMatch(/^PROGRAM_CONFIG x\.json is invalid:/);
    expect(error).toMatch(
      /colors\.light\.onPrimary: #6b9f9a on primary #0b5d57 has a contrast of \d\.\d\d:1; text needs at least 4\.5:1 \(WCAG AA\)/,
    );
    expect(error).toMatch(/colors\.dark\.onAccent: #555555 on accent #444444 has a contrast of 1\.\d\d:1/);
  });

  it("refuses a primary colour that would be unreadable as text on the page", () => {
    const colors = { light: { ...palette, primary: "#7fd1c7", onPrimary: "#000000" }, dark: darkPalette };
    expect(() => parseProgramConfig(program({ colors }))).toThrow(
      /colors\.light\.primary: #7fd1c7 as text on the light page background #f9fafb has a contrast of \d\.\d\d:1/,
    );
  });

  it("takes a tier without benefits as one with none to list (configs written before the brand)", () => {
    const [bronze, silver] = program().tiers;
    const { benefits: _, ...withoutBenefits } = silver ?? {};
    const config = parseProgramConfig(program({ tiers: [bronze, withoutBenefits] }));
    expect(config.tiers.map((tier) => tier.benefits)).toEqual([["Member prices"], []]);
    expect(
      parseProgramConfig(program({ tiers: [{ ...bronze, benefits: [] }, silver] })).tiers[0]?.benefits,
    ).toEqual([]);
  });

  it("refuses benefits that are not a list, an empty one, or one listed twice, naming the tier", () => {
    const [bronze, silver] = program().tiers;
    expect(() =>
      parseProgramConfig(program({ tiers: [bronze, { ...silver, benefits: "Free delivery" }] })),
    ).toThrow(/tiers\.1\.benefits: what this tier brings members, as a list of sentences/);
    expect(() => parseProgramConfig(program({ tiers: [bronze, { ...silver, benefits: ["  "] }] }))).toThrow(
      /tiers\.1\.benefits\.0: a benefit in words, not empty/,
    );
    expect(() =>
      parseProgramConfig(
        program({ tiers: [bronze, { ...silver, benefits: ["Free delivery", "Free delivery "] }] }),
      ),
    ).toThrow(/tiers\.1\.benefits\.1: "Free delivery" is listed twice/);
  });

  it.each([
    [
      "a misspelt top-level key",
      { colours: { light: palette, dark: darkPalette } },
      /\(root\): unknown key "colours"/,
    ],
    ["a logo under another name", { logoUrl: "/brand/logo.svg" }, /\(root\): unknown key "logoUrl"/],
    [
      "a misspelt tier key",
      { tiers: [{ id: "1", title: "Bronze", minScore: 0, maxScore: null, benefit: ["Member prices"] }] },
      /tiers\.0: unknown key "benefit"/,
    ],
    [
      "a misspelt colour",
      { colors: { light: { ...palette, onPrimery: "#ffffff" }, dark: darkPalette } },
      /colors\.light: unknown key "onPrimery"/,
    ],
  ])("refuses %s, naming it", (_name, overrides, message) => {
    expect(() => parseProgramConfig(program(overrides))).toThrow(message);
  });

  it("takes the brand's content language as one language tag, English unless said, spelt canonically", () => {
    expect(parseProgramConfig(program()).contentLanguage).toBe("en");
    expect(parseProgramConfig(program({ contentLanguage: " fr-ca " })).contentLanguage).toBe("fr-CA");
    for (const contentLanguage of ["English", "", "en,fr", 12])
      expect(() => parseProgramConfig(program({ contentLanguage }))).toThrow(/contentLanguage: /);
  });

  it("lets the file carry a $comment for whoever edits it", () => {
    expect(parseProgramConfig(program({ $comment: "Our program, edited by marketing." })).name).toBe(
      "Harbourside Rewards",
    );
  });

  it("refuses a preview persona for an unknown tier", () => {
    const previewPersonas = [{ tierId: "9", idType: "third_party_id", userId: "ava" }];
    expect(() => parseProgramConfig(program({ previewPersonas }))).toThrow(
      /previewPersonas\.0\.tierId: no tier with id 9/,
    );
  });

  it.each([
    ["/brand/logo.svg", true],
    ["https://cdn.example.com/logo.png", true],
    ["http://cdn.example.com/logo.png", false],
    ["//cdn.example.com/logo.png", false],
    ["/brand/../../etc/passwd", false],
    ["/brand/%2e%2e/%2E%2E/api/me", false],
    ["/brand/.%2e/x.svg", false],
    ["/api/me", false],
    ["/api", false],
    ["/webhooks/crowdtwist", false],
    ["/apis/logo.svg", true],
    ["javascript:alert(1)", false],
    ["data:image/svg+xml,<svg/>", false],
    ["logo.svg", false],
  ])("a logo at %s is %s", (logo, accepted) => {
    const parse = () => parseProgramConfig(program({ logo }));
    if (accepted) expect(parse().logo).toBe(logo);
    else expect(parse).toThrow(/logo: an https:\/\/ URL or a path on the portal's own origin/);
  });
});

function captureError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}
