import type { PreviewVisibility } from "./visibility.ts";
import type { VisibilityMatrix } from "./visibility-matrix.ts";

// The manager preview's check of our reading of the rules against CrowdTwist's own answer: for each
// tier's preview persona, what the matrix predicts and what CrowdTwist returned for that persona.

/** What CrowdTwist's user-activities answer said for one persona. */
export type ObservedState = "available" | "locked" | "hidden" | "absent";

export interface PersonaObservation {
  tierId: string;
  userId: string;
  /** `null` when the persona's activities could not be fetched (not enrolled, upstream down). */
  observed: ObservedState | null;
}

export interface PersonaCheck extends PersonaObservation {
  /** The states the matrix allows for this persona's tier (two when a segment splits the column). */
  expected: PreviewVisibility["state"][];
  agrees: boolean | null;
}

export function observedState(
  entry: { isHiddenByTier: boolean; isLockedByTier: boolean } | undefined,
): ObservedState {
  if (!entry) return "absent";
  if (entry.isHiddenByTier) return "hidden";
  return entry.isLockedByTier ? "locked" : "available";
}

// An activity missing from a persona's list is what "hidden" looks like when a segment keeps it away.
const matches = (expected: PreviewVisibility["state"], observed: ObservedState) =>
  expected === observed || (expected === "hidden" && observed === "absent");

export function crossCheckPersonas(
  matrix: VisibilityMatrix,
  personas: readonly PersonaObservation[],
): PersonaCheck[] {
  return personas.map((persona) => {
    // We do not know a persona's segments, so any row of the matrix is a possible truth for it.
    const expected = [
      ...new Set(
        matrix.rows.flatMap((row) =>
          row.cells.filter((cell) => cell.tier.id === persona.tierId).map((cell) => cell.visibility.state),
        ),
      ),
    ];
    const agrees =
      persona.observed === null
        ? null
        : expected.some((state) => matches(state, persona.observed as ObservedState));
    return { ...persona, expected, agrees };
  });
}
