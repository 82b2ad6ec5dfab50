// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { formatZoned } from "../lib/format-time.ts";
import { MemberSegments } from "./member-segments.tsx";

// A manager's view of the previewed member's segments: in or out since when, and what moved them.

const ENTERED = "2026-11-20T10:00:00.000Z";
const EXITED = "2026-11-22T09:00:00.000Z";

describe("MemberSegments", () => {
  test("one row per segment or group, latest change first, in words", () => {
    render(
      <MemberSegments
        segments={[
          {
            type: "segment",
            subscriptionId: "1628",
            name: "5x Login Streak",
            member: false,
            since: EXITED,
            trigger: "segment disabled",
          },
          {
            type: "group",
            subscriptionId: "77",
            name: null,
            member: true,
            since: ENTERED,
            trigger: null,
          },
          {
            type: "segment",
            subscriptionId: "2001",
            name: "New York Members",
            member: true,
            since: ENTERED,
            trigger: "segment criteria",
          },
        ]}
      />,
    );
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ["Segment", `Left ${formatZoned(EXITED)}`, "Segment disabled"],
      ["Group", `In since ${formatZoned(ENTERED)}`, "Not said"],
      ["Segment", `In since ${formatZoned(ENTERED)}`, "Its criteria"],
    ]);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "5x Login Streak",
      "Unnamed (77)",
      "New York Members",
    ]);
  });

  test("no recorded change: says so, no table", () => {
    render(<MemberSegments segments={[]} />);
    expect(screen.getByText("No segment changes have been recorded for this member.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
