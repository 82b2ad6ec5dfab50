// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import {
  disagreeingPreviewFixture,
  lockedPreviewFixture,
  segmentPreviewFixture,
} from "../testing/manager-fixtures.ts";
import { PersonaChecks } from "./persona-checks.tsx";

describe("PersonaChecks", () => {
  test("when CrowdTwist agrees for every persona, it says so and flags nothing", () => {
    const { personas, matrix } = lockedPreviewFixture();
    render(<PersonaChecks personas={personas} matrix={matrix} />);
    expect(screen.getByText("CrowdTwist agrees with the rule for every persona.")).toBeTruthy();
    expect(screen.queryByText(/disagreement/)).toBeNull();
    for (const row of screen.getAllByRole("row").slice(1))
      expect(within(row).getByText("Agrees")).toBeTruthy();
  });

  test("every disagreement is spelled out, and marked in its row", () => {
    const { personas, matrix } = disagreeingPreviewFixture();
    render(<PersonaChecks personas={personas} matrix={matrix} />);
    expect(screen.getByText("1 disagreement with CrowdTwist")).toBeTruthy();
    expect(
      screen.getByText("CrowdTwist shows this as available to ava (Bronze), but the rule says hidden."),
    ).toBeTruthy();
    const ava = screen.getByRole("row", { name: /^ava/ });
    expect(within(ava).getByText("Disagrees")).toBeTruthy();
    const cleo = screen.getByRole("row", { name: /^cleo/ });
    expect(within(cleo).getByText("Could not ask CrowdTwist")).toBeTruthy();
  });

  test("a persona a segment keeps out agrees with 'hidden'; both possible states are shown", () => {
    const { personas, matrix } = segmentPreviewFixture();
    render(<PersonaChecks personas={personas} matrix={matrix} />);
    expect(screen.queryByText(/disagreement/)).toBeNull();
    const ava = screen.getByRole("row", { name: /^ava/ });
    expect(within(ava).getByText("Not listed")).toBeTruthy();
    expect(within(ava).getByText("Available")).toBeTruthy();
    expect(within(ava).getByText("Hidden")).toBeTruthy();
  });

  test("a persona missing from a list the rule says is available reads 'does not list this'", () => {
    const { personas, matrix } = lockedPreviewFixture();
    const [first, ...rest] = personas;
    if (!first) throw new Error("no persona");
    render(
      <PersonaChecks personas={[{ ...first, observed: "absent", agrees: false }, ...rest]} matrix={matrix} />,
    );
    expect(
      screen.getByText("CrowdTwist does not list this to ava (Bronze), but the rule says locked."),
    ).toBeTruthy();
  });
});
