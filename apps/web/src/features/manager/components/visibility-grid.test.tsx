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

  test("an ended activity is available to no tier, and the grid says why (activity 118)", () => {
    const preview = {
      ...lockedPreviewFixture(),
      notNow: [{ kind: "ended" as const, endedAt: "2026-03-01T12:00:00.000Z" }],
    };
    render(<VisibilityGrid preview={preview} selectedTierId={null} />);
    const cells = within(within(table()).getByRole("row", { name: /Every member/ })).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual([
      "LockedReach Silver to unlock",
      "Not available now",
      "Not available now",
    ]);
    expect(screen.getByText(/^No tier can do this now: it ended /)).toBeTruthy();
  });

  test("a closed, member-hidden Alida forum keeps every tier out (activity 112)", () => {
    const preview = {
      ...lockedPreviewFixture(),
      notNow: [
        { kind: "community" as const, block: "closed" as const },
        { kind: "community" as const, block: "hidden" as const },
      ],
    };
    render(<VisibilityGrid preview={preview} selectedTierId={null} />);
    expect(within(table()).queryByText("Available")).toBeNull();
    expect(
      screen.getByText(
        "No tier can do this now: its Alida activity is closed and its Alida activity is hidden from members.",
      ),
    ).toBeTruthy();
  });
});
