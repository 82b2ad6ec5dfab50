// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { lockedPreviewFixture, segmentPreviewFixture } from "../testing/manager-fixtures.ts";
import { VisibilityGrid } from "./visibility-grid.tsx";

const table = () => screen.getByRole("table", { name: "How the activity appears to members of each tier" });

describe("VisibilityGrid", () => {
  test("tiers as columns, each cell a state in words with its reason", () => {
    render(<VisibilityGrid preview={lockedPreviewFixture()} selectedTierId={null} />);
    const headers = within(table())
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers).toEqual(["Members", "Bronze", "Silver", "Gold"]);
    const row = within(table()).getByRole("row", { name: /Every member/ });
    const cells = within(row).getAllByRole("cell");
    expect(cells[0]?.textContent).toBe("LockedReach Silver to unlock");
    expect(cells[1]?.textContent).toBe("Available");
    // Never colour alone: each state badge carries an icon and a word.
    expect(cells[0]?.querySelector("svg")).toBeTruthy();
  });

  test("a segment splits members into in and out rows, hidden outside it", () => {
    render(<VisibilityGrid preview={segmentPreviewFixture()} selectedTierId={null} />);
    const rows = within(table()).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "In “New York”",
      "Not in “New York”",
    ]);
    const outside = within(rows[1] as HTMLElement).getAllByRole("cell");
    expect(outside.every((cell) => cell.textContent === "HiddenOutside the segment")).toBe(true);
  });

  test("the deep-linked tier is marked for everyone, not only by colour", () => {
    render(<VisibilityGrid preview={lockedPreviewFixture()} selectedTierId="345" />);
    const silver = within(table()).getByRole("columnheader", { name: /Silver/ });
    expect(silver.getAttribute("aria-current")).toBe("true");
    expect(silver.textContent).toBe("Silver (selected)");
  });

  test("a tier rule naming an unknown tier says the grid is a best guess", () => {
    const preview = lockedPreviewFixture();
    preview.matrix.unknownTier = true;
    render(<VisibilityGrid preview={preview} selectedTierId={null} />);
    expect(screen.getByText(/program config does not list/)).toBeTruthy();
  });
});
