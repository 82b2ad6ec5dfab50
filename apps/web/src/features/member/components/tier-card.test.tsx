// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { profileFixture, topTierProfile } from "../../../testing/fixtures.ts";
import { TierCard } from "./tier-card.tsx";

const thisYear = new Date().getFullYear();

describe("TierCard", () => {
  test("without a profile it says the details are on their way", () => {
    render(<TierCard profile={null} />);
    expect(screen.getByRole("heading", { name: "Your tier" })).toBeTruthy();
    expect(
      screen.getByText(/Your tier details will appear here as soon as the rewards program sends them/),
    ).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("shows the tier, points and the progress to the next tier", () => {
    render(<TierCard profile={profileFixture()} />);
    expect(screen.getByText("Bronze", { selector: "p" })).toBeTruthy();
    expect(screen.getByText("1,350 pts in total")).toBeTruthy();
    expect(screen.getByText("350 pts to spend")).toBeTruthy();
    const bar = screen.getByRole("progressbar", { name: "Progress to Silver" });
    expect(bar.getAttribute("aria-valuenow")).toBe("35");
    expect(bar.getAttribute("aria-valuemin")).toBe("0");
    expect(bar.getAttribute("aria-valuemax")).toBe("100");
    expect(bar.getAttribute("aria-valuetext")).toBe("650 pts to Silver");
    expect(screen.getByText("650 pts to Silver")).toBeTruthy();
  });

  test("says what keeps the tier, the reset date and the latest event", () => {
    const profile = profileFixture({
      lastEvent: { event: "JUMP", tierTitle: "Bronze", at: `${thisYear}-03-03T12:00:00.000Z` },
      tier: {
        ...profileFixture().tier,
        maintain: { pointsNeeded: 120, by: `${thisYear}-12-31T12:00:00.000Z`, daysLeft: 38, atRisk: false },
        resetDate: `${thisYear}-12-31T12:00:00.000Z`,
      },
    });
    render(<TierCard profile={profile} />);
    expect(screen.getByText("Earn 120 pts by December 31 to keep Bronze.")).toBeTruthy();
    expect(screen.getByText("38 days left")).toBeTruthy();
    expect(screen.queryByText("At risk")).toBeNull();
    expect(screen.getByText("Your points period resets on December 31.")).toBeTruthy();
    expect(screen.getByText("You reached Bronze on March 3", { selector: "p" })).toBeTruthy();
  });

  test("lists the tier history newest first", () => {
    render(<TierCard profile={profileFixture()} />);
    const history = screen.getByRole("region", { name: "Tier history" });
    const items = within(history)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "You reached Bronze on March 3, 2024",
      "You started at Bronze on January 10, 2023",
    ]);
  });

  test("a change recorded twice on the same day shows once", () => {
    const twice = { event: "JUMP", tierTitle: "Bronze", at: "2024-03-03T15:00:00.000Z" } as const;
    render(
      <TierCard
        profile={profileFixture({ history: [twice, { ...twice, at: "2024-03-03T14:00:00.000Z" }] })}
      />,
    );
    const history = screen.getByRole("region", { name: "Tier history" });
    expect(within(history).getAllByRole("listitem")).toHaveLength(1);
  });

  test("the top tier has its own state and an at-risk warning when time is short", () => {
    const { container } = render(<TierCard profile={topTierProfile()} />);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("Gold is our top tier. You've reached the highest level.")).toBeTruthy();
    expect(screen.getByText("Top tier")).toBeTruthy();
    expect(screen.getByText("At risk")).toBeTruthy();
    expect(screen.getByText("3 days left")).toBeTruthy();
    expect(container.querySelector("[data-at-risk]")).not.toBeNull();
  });

  test("says how fresh the profile is", () => {
    const receivedAt = new Date(Date.now() - 2 * 60_000).toISOString();
    render(<TierCard profile={profileFixture({ freshness: { dateLastUpdated: receivedAt, receivedAt } })} />);
    expect(screen.getByText("Updated 2 min ago")).toBeTruthy();
  });
});
