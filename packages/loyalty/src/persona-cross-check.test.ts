import { describe, expect, it } from "vitest";
import { crossCheckPersonas, observedState } from "./persona-cross-check.ts";
import { testProgram } from "./program-fixture.ts";
import { visibilityMatrix } from "./visibility-matrix.ts";

const demoProgram = testProgram();
const [bronze, silver, gold] = demoProgram.tiers.map((tier) => tier.id) as [string, string, string];
const personas = (observed: [string | null, string | null, string | null]) =>
  [bronze, silver, gold].map((tierId, i) => ({
    tierId,
    userId: `persona-${i}`,
    observed: observed[i] as "available" | "locked" | "hidden" | "absent" | null,
  }));

describe("observedState", () => {
  it.each([
    [undefined, "absent"],
    [{ isHiddenByTier: true, isLockedByTier: true }, "hidden"],
    [{ isHiddenByTier: false, isLockedByTier: true }, "locked"],
    [{ isHiddenByTier: false, isLockedByTier: false }, "available"],
  ] as const)("%j → %s", (entry, expected) => {
    expect(observedState(entry)).toBe(expected);
  });
});

describe("crossCheckPersonas", () => {
  const lockedForBronze = visibilityMatrix(demoProgram, { minTierId: silver, showAsLockedByTier: true });
  const hiddenBelowGold = visibilityMatrix(demoProgram, { minTierId: gold, showAsLockedByTier: false });
  const segmented = visibilityMatrix(
    demoProgram,
    { minTierId: null, showAsLockedByTier: false },
    { subscriptionId: "7", eligibility: "inclusion" },
  );

  it.each([
    [
      "agreement on a locked activity",
      lockedForBronze,
      ["locked", "available", "available"],
      [true, true, true],
    ],
    [
      "CrowdTwist shows a locked activity as available",
      lockedForBronze,
      ["available", "available", "available"],
      [false, true, true],
    ],
    [
      "hidden below Gold, absent counts as hidden",
      hiddenBelowGold,
      ["absent", "hidden", "available"],
      [true, true, true],
    ],
    [
      "hidden below Gold but CrowdTwist locks it",
      hiddenBelowGold,
      ["locked", "hidden", "available"],
      [false, true, true],
    ],
    [
      "a segment allows available or absent",
      segmented,
      ["available", "absent", "locked"],
      [true, true, false],
    ],
    [
      "missing from the list where the matrix says available or locked",
      lockedForBronze,
      ["absent", "absent", "available"],
      [false, false, true],
    ],
    [
      "a persona that could not be fetched is undecided",
      lockedForBronze,
      [null, "available", "available"],
      [null, true, true],
    ],
  ] as const)("%s", (_name, matrix, observed, agrees) => {
    expect(crossCheckPersonas(matrix, personas([...observed])).map((check) => check.agrees)).toEqual(agrees);
  });

  it("lists what the matrix expects for each persona", () => {
    expect(
      crossCheckPersonas(segmented, personas(["available", "absent", "available"]))[0]?.expected,
    ).toEqual(["available", "hidden"]);
  });
});
