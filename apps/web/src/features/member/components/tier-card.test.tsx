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

  test("leaves out a balance the last update did not give, never showing it as 0", () => {
    const points = { total: null, redeemable: 350, tierScore: null };
    const { unmount } = render(<TierCard profile={profileFixture({ points })} />);
    expect(screen.queryByText(/in total/)).toBeNull();
    expect(screen.getByText("350 pts to spend")).toBeTruthy();
    unmount();
    render(<TierCard profile={profileFixture({ points: { ...points, redeemable: null } })} />);
    expect(screen.queryByText("Points")).toBeNull();
    expect(screen.queryByText(/^0 pts/)).toBeNull();
    expect(screen.queryByText(/to spend/)).toBeNull();
    expect(screen.getByText("Bronze", { selector: "p" })).toBeTruthy();
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

  test("the path to the next tier lists the activities, linked, with times and points", () => {
    const profile = profileFixture({
      plan: {
        toNextTier: {
          reachable: true,
          steps: [
            { activityId: "109", title: "Redeem a winter code", times: 1, points: 650 },
            { activityId: "120", title: "Daily check-in", times: 2, points: 20 },
          ],
          totalPoints: 670,
          shortfall: 0,
        },
        toKeep: null,
      },
    });
    render(<TierCard profile={profile} />);
    const plan = screen.getByRole("region", { name: "Your path to Silver" });
    expect(within(plan).getByText("Complete these 2 activities to reach Silver")).toBeTruthy();
    expect(within(plan).getByRole("link", { name: "Redeem a winter code" }).getAttribute("href")).toBe(
      "/activities/109",
    );
    const items = within(plan)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual(["Redeem a winter code650 pts", "Daily check-in · 2 times20 pts"]);
  });

  test("an unreachable path says by how much it falls short", () => {
    const profile = profileFixture({
      plan: {
        toNextTier: {
          reachable: false,
          steps: [{ activityId: "117", title: "Holiday sweepstakes", times: 1, points: 60 }],
          totalPoints: 60,
          shortfall: 590,
        },
        toKeep: null,
      },
    });
    render(<TierCard profile={profile} />);
    expect(
      screen.getByText(
        "Even all your open activities (60 pts) fall short by 590 pts — new activities may open soon.",
      ),
    ).toBeTruthy();
  });

  test("at risk, it says what keeps the tier by when", () => {
    const profile = {
      ...topTierProfile(),
      plan: {
        toNextTier: null,
        toKeep: {
          reachable: true,
          steps: [{ activityId: "105", title: "Buy a season ticket", times: 1, points: 2000 }],
          totalPoints: 2000,
          shortfall: 0,
        },
      },
    };
    render(<TierCard profile={profile} />);
    expect(screen.getByText(/^To keep Gold by November 26/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Buy a season ticket" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: /Your path to/ })).toBeNull();
  });

  test("without a plan there is no path", () => {
    render(<TierCard profile={profileFixture({ plan: null })} />);
    expect(screen.queryByRole("region", { name: /Your path to/ })).toBeNull();
    expect(screen.queryByText(/To keep/)).toBeNull();
  });
});
