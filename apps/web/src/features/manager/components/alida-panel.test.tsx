// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import type { AlidaPanelData } from "../api/manager-queries.ts";
import { AlidaPanel } from "./alida-panel.tsx";

type Linked = Extract<AlidaPanelData, { state: "linked" }>;

const linked = (overrides: Partial<Linked> = {}): Linked => ({
  state: "linked",
  alidaActivityId: "A-111",
  activity: {
    name: "Fan survey",
    activityType: "Survey",
    status: "open",
    isReady: true,
    hideFromMember: false,
    openedOn: "2026-01-01T09:00:00.000Z",
    closedOn: null,
    alternateId: "111",
  },
  memberEvents: { surveyCompleted: 512, surveyStarted: 1300 },
  warnings: [],
  ...overrides,
});

const panel = () => screen.getByRole("region", { name: "Alida" });

describe("AlidaPanel", () => {
  test("not linked", () => {
    render(<AlidaPanel panel={{ state: "not_linked" }} />);
    expect(within(panel()).getByText("Not linked to an Alida activity.")).toBeTruthy();
  });

  test("not found names the id to fix", () => {
    render(<AlidaPanel panel={{ state: "not_found", alidaActivityId: "A-9" }} />);
    expect(screen.getByText(/Alida has no activity A-9/)).toBeTruthy();
  });

  test("unavailable says why in the page's words, not a broken page", () => {
    render(
      <AlidaPanel
        panel={{
          state: "unavailable",
          alidaActivityId: "A-1",
          reason: "not_answering",
          message: "(the BFF's words for operators)",
        }}
      />,
    );
    expect(screen.getByText("Alida is unavailable")).toBeTruthy();
    expect(screen.getByText(/^The research community is not answering right now/)).toBeTruthy();
    expect(screen.queryByText("(the BFF's words for operators)")).toBeNull();
  });

  test("a linked, consistent survey: status, dates, flags and member-event counts", () => {
    render(<AlidaPanel panel={linked()} />);
    const p = panel();
    expect(within(p).getByText("Consistent with CrowdTwist.", { exact: false })).toBeTruthy();
    expect(within(p).getByText("Open")).toBeTruthy();
    expect(within(p).getByText("Survey completed:")).toBeTruthy();
    expect(within(p).getByText("512")).toBeTruthy();
    expect(within(p).getByText("1,300")).toBeTruthy();
    expect(within(p).getByText("111")).toBeTruthy();
  });

  test("every consistency warning in words", () => {
    render(
      <AlidaPanel
        panel={linked({
          warnings: [
            { kind: "alida_closed" },
            { kind: "alida_hidden" },
            { kind: "alida_not_ready" },
            {
              kind: "windows_do_not_overlap",
              crowdtwist: { start: "2026-01-01T00:00:00.000Z", end: "2026-02-01T00:00:00.000Z" },
              alida: { start: "2026-03-01T00:00:00.000Z", end: null },
            },
          ],
        })}
      />,
    );
    expect(screen.getByText("4 differences from CrowdTwist")).toBeTruthy();
    for (const text of [
      "Closed in Alida while live in CrowdTwist",
      "Hidden from members in Alida",
      "Not ready in Alida",
      "The date windows do not overlap",
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    // Alida's external id is another system's GUID: shown as a fact, never a disagreement.
    expect(screen.queryByText(/external id names another activity/)).toBeNull();
    expect(screen.queryByText(/Consistent with CrowdTwist/)).toBeNull();
  });
});
