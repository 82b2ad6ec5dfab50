// @vitest-environment jsdom
import "../../testing/auto-cleanup.ts";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import type { MemberPreview } from "../../features/manager/api/use-preview-member.ts";
import {
  activitiesFixture,
  historyPageFixture,
  PROGRAM_TIERS,
  profileFixture,
} from "../../testing/fixtures.ts";
import MemberPagePreview from "./member-page-preview.tsx";

function previewOf(overrides: Partial<MemberPreview> = {}): MemberPreview {
  return {
    member: { idType: "third_party_id", userId: "ava" },
    auditId: "42",
    readOnly: true,
    profileIdType: "third_party_id",
    profile: profileFixture({
      plan: {
        toNextTier: {
          reachable: true,
          steps: [{ activityId: "109", title: "Redeem a winter code", times: 1, points: 650 }],
          totalPoints: 650,
          shortfall: 0,
        },
        toKeep: null,
      },
    }),
    enrolled: true,
    activities: activitiesFixture(),
    freshness: { fetchedAt: "2026-11-23T10:00:00.000Z", ageSeconds: 0, degraded: false },
    ...overrides,
  } as MemberPreview;
}

describe("MemberPagePreview", () => {
  test("shows the member's tier card (tier, path, numbers) and their activity cards, with nothing to act on", () => {
    render(<MemberPagePreview preview={previewOf()} tiers={PROGRAM_TIERS} />);
    const tier = screen.getByRole("region", { name: "Your tier" });
    expect(within(tier).getByText("Bronze", { selector: "p > span" })).toBeTruthy();
    expect(within(tier).getByRole("progressbar", { name: "Progress to Silver" })).toBeTruthy();
    expect(within(tier).getByText("Redeem a winter code")).toBeTruthy();
    expect(screen.getAllByRole("article")).toHaveLength(activitiesFixture().length);
    // Read-only: no link anywhere (the plan's steps and the card titles are plain text).
    expect(screen.queryAllByRole("link")).toEqual([]);
    // Locked cards count from the member's own score, as on the member's page.
    expect(screen.getAllByText(/650 more points/).length).toBeGreaterThan(0);
  });

  test("without a stored profile the card says it is pending, and the activities still show", () => {
    render(<MemberPagePreview preview={previewOf({ profile: null })} tiers={PROGRAM_TIERS} />);
    expect(screen.getByRole("region", { name: "Your tier" })).toBeTruthy();
    expect(screen.getAllByRole("article").length).toBeGreaterThan(0);
  });

  test("shows the member's tier benefits and the ladder of every tier, as the member's page does", () => {
    render(<MemberPagePreview preview={previewOf()} tiers={PROGRAM_TIERS} />);
    const benefits = screen.getByRole("region", { name: "Your Bronze benefits" });
    expect(within(benefits).getByText("1 point for every £1 you spend")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Every tier and its benefits" }));
    const ladder = screen.getByRole("list", { name: "Every tier and its benefits" });
    expect(within(ladder).getByText("VIP lounge access on match days")).toBeTruthy();
  });

  test("an inactive member's page says so instead of offering activities, with the tier card kept", () => {
    render(
      <MemberPagePreview
        preview={previewOf({ profile: profileFixture({ active: false }) })}
        tiers={PROGRAM_TIERS}
      />,
    );
    expect(screen.getByRole("region", { name: "Your tier" })).toBeTruthy();
    const notice = screen.getByRole("status");
    expect(within(notice).getByRole("heading", { level: 4, name: "Your account is inactive" })).toBeTruthy();
    expect(screen.queryAllByRole("article")).toEqual([]);
  });

  test("its headings sit under the preview banner's h2", () => {
    render(<MemberPagePreview preview={previewOf()} tiers={PROGRAM_TIERS} />);
    expect(screen.getByRole("heading", { level: 3, name: "Your tier" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Activities" })).toBeTruthy();
    expect(screen.queryAllByRole("heading", { level: 2 })).toEqual([]);
    expect(screen.getAllByRole("article")[0]?.querySelector("h4")).toBeTruthy();
  });

  test("shows the member's latest points history, read-only, after the tier card", () => {
    render(
      <MemberPagePreview
        preview={previewOf({ history: historyPageFixture().entries })}
        tiers={PROGRAM_TIERS}
      />,
    );
    const history = screen.getByRole("region", { name: "Points history" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining("+80 pts"),
      expect.stringContaining("−300 pts"),
      expect.stringContaining("+75 pts"),
    ]);
    expect(screen.getByRole("heading", { level: 3, name: "Points history" })).toBeTruthy();
  });

  test("no history by this id type: no section; an empty one says so", () => {
    const { unmount } = render(
      <MemberPagePreview preview={previewOf({ history: null })} tiers={PROGRAM_TIERS} />,
    );
    expect(screen.queryByRole("region", { name: "Points history" })).toBeNull();
    unmount();
    render(<MemberPagePreview preview={previewOf({ history: [] })} tiers={PROGRAM_TIERS} />);
    expect(
      within(screen.getByRole("region", { name: "Points history" })).getByText("No points yet"),
    ).toBeTruthy();
  });
});
