// @vitest-environment jsdom
import { fireEvent, render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ReadOnly } from "../../../lib/read-only.tsx";
import { PROGRAM_TIERS, profileFixture, topTierProfile } from "../../../testing/fixtures.ts";
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

  test("shows the tier, points and the progress to the next tier, in numbers that add up", () => {
    render(<TierCard profile={profileFixture()} />);
    expect(screen.getByText("Bronze", { selector: "p > span" })).toBeTruthy();
    expect(screen.getByText("1,350 pts earned in all")).toBeTruthy();
    expect(screen.getByText("350 pts to spend")).toBeTruthy();
    // 350 of Silver's 1,000: 650 to go, a bar at 35 %.
    expect(screen.getByText("350 of 1,000 tier pts")).toBeTruthy();
    expect(screen.getByText("650 pts to Silver")).toBeTruthy();
    const bar = screen.getByRole("progressbar", { name: "Progress to Silver" });
    expect(bar.getAttribute("aria-valuenow")).toBe("35");
    expect(bar.getAttribute("aria-valuemin")).toBe("0");
    expect(bar.getAttribute("aria-valuemax")).toBe("100");
    expect(bar.getAttribute("aria-valuetext")).toBe("350 of 1,000 tier pts, 650 pts to Silver");
  });

  test("says why the points earned in all and the points to spend differ, only when they do", () => {
    const { unmount } = render(<TierCard profile={profileFixture()} />);
    expect(screen.getByText(/come off what you can spend — never off what you've earned/)).toBeTruthy();
    unmount();
    render(
      <TierCard profile={profileFixture({ points: { total: 350, redeemable: 350, tierScore: 350 } })} />,
    );
    expect(screen.queryByText(/come off what you can spend/)).toBeNull();
  });

  test("shows the current tier's benefits, from the program", () => {
    render(<TierCard profile={profileFixture()} tiers={PROGRAM_TIERS} />);
    const benefits = screen.getByRole("region", { name: "Your Bronze benefits" });
    expect(
      within(benefits)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["1 point for every £1 you spend"]);
  });

  test("opens the ladder from the card: every tier, where it starts, its benefits, where the member stands", () => {
    render(<TierCard profile={profileFixture()} tiers={PROGRAM_TIERS} />);
    const toggle = screen.getByRole("button", { name: "Every tier and its benefits" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("list", { name: "Every tier and its benefits" })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const ladder = screen.getByRole("list", { name: "Every tier and its benefits" });
    expect(toggle.getAttribute("aria-controls")).toBe(ladder.id);
    const steps = within(ladder)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === ladder);
    expect(steps.map((li) => li.textContent)).toEqual([
      "BronzeWhere everyone startsYou're here1 point for every £1 you spend",
      "SilverFrom 1,000 tier pts650 more tier ptsEarly access to season tickets10% off in the club store",
      "GoldFrom 2,500 tier pts2,150 more tier ptsVIP lounge access on match days",
    ]);
    expect(steps.map((li) => li.getAttribute("aria-current"))).toEqual(["step", null, null]);
  });

  test("at the top, lower tiers are earlier ones (no claim their benefits carry over); a tier the program does not describe shows no benefits", () => {
    render(<TierCard profile={topTierProfile()} tiers={PROGRAM_TIERS.slice(0, 2)} />);
    fireEvent.click(screen.getByRole("button", { name: "Every tier and its benefits" }));
    const ladder = screen.getByRole("list", { name: "Every tier and its benefits" });
    const steps = within(ladder)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === ladder);
    expect(steps.map((li) => li.textContent)).toEqual([
      "BronzeWhere everyone startsEarlier tier1 point for every £1 you spend",
      "SilverFrom 1,000 tier ptsEarlier tierEarly access to season tickets10% off in the club store",
      "GoldFrom 2,500 tier ptsYou're here",
    ]);
    expect(screen.queryByRole("region", { name: /benefits$/ })).toBeNull();
  });

  test("marks only the member's tier when the card's tiers have no ids the program knows (by title)", () => {
    const fixture = profileFixture();
    const unknown = (title: string, minScore: number, maxScore: number | null) => ({
      id: null,
      title,
      minScore,
      maxScore,
    });
    const tier = {
      ...fixture.tier,
      current: unknown("Silver", 1000, 2499),
      next: unknown("Gold", 2500, null),
      score: 1500,
      ladder: [unknown("Bronze", 0, 999), unknown("Silver", 1000, 2499), unknown("Gold", 2500, null)],
    };
    render(<TierCard profile={profileFixture({ tier })} tiers={PROGRAM_TIERS} />);
    fireEvent.click(screen.getByRole("button", { name: "Every tier and its benefits" }));
    const ladder = screen.getByRole("list", { name: "Every tier and its benefits" });
    const steps = within(ladder)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === ladder);
    expect(steps.map((li) => li.getAttribute("aria-current"))).toEqual([null, "step", null]);
    expect(within(ladder).getAllByText("You're here")).toHaveLength(1);
    // The program's benefits follow the titles; the card's own list is the member's tier's.
    expect(steps[1]?.textContent).toContain("Early access to season tickets");
    const benefits = screen.getByRole("region", { name: "Your Silver benefits" });
    expect(within(benefits).getAllByRole("listitem")).toHaveLength(2);
  });

  test("without a tier score it still says what is left, and never invents a score", () => {
    const fixture = profileFixture();
    render(<TierCard profile={profileFixture({ tier: { ...fixture.tier, score: null } })} />);
    expect(screen.getByText("650 pts to Silver")).toBeTruthy();
    expect(screen.queryByText(/^[\d,]+ (of [\d,]+ )?tier pts$/)).toBeNull();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuetext")).toBe("650 pts to Silver");
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
    expect(screen.getByText("Bronze", { selector: "p > span" })).toBeTruthy();
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

  test("with enough points to keep the tier, it says until when the tier is theirs", () => {
    const profile = profileFixture({
      tier: {
        ...profileFixture().tier,
        maintain: { pointsNeeded: 0, by: "2031-08-03T12:00:00.000Z", daysLeft: 300, atRisk: false },
      },
    });
    render(<TierCard profile={profile} />);
    expect(
      screen.getByText("You've earned enough to keep Bronze: it's yours until at least August 3, 2031."),
    ).toBeTruthy();
    expect(screen.queryByText(/days left/)).toBeNull();
  });

  test("tells drops, resets and assignments the rewards program did not name", () => {
    const profile = profileFixture({
      lastEvent: { event: null, tierTitle: "Bronze", at: "2025-06-01T12:00:00.000Z" },
      history: [
        { event: null, tierTitle: "Bronze", at: "2025-06-01T12:00:00.000Z" },
        { event: "RESET", tierTitle: "Bronze", at: "2025-03-01T12:00:00.000Z" },
        { event: "DROP", tierTitle: "Bronze", at: "2025-01-01T12:00:00.000Z" },
        { event: "MAINTAIN", tierTitle: "Silver", at: "2024-01-01T12:00:00.000Z" },
      ],
    });
    render(<TierCard profile={profile} />);
    const history = screen.getByRole("region", { name: "Tier history" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "You've held Bronze since June 1, 2025",
      "Your Bronze tier points started again from 0 on March 1, 2025",
      "You moved down to Bronze on January 1, 2025",
      "You kept Silver on January 1, 2024",
    ]);
    // Said once: the history holds the latest assignment, so no line above repeats it.
    expect(screen.getAllByText("You've held Bronze since June 1, 2025")).toHaveLength(1);
  });

  test("says the latest assignment above the history only when the history does not hold it", () => {
    const profile = profileFixture({
      lastEvent: { event: "JUMP", tierTitle: "Silver", at: "2025-06-01T12:00:00.000Z" },
      history: [],
    });
    render(<TierCard profile={profile} />);
    expect(screen.getAllByText("You reached Silver on June 1, 2025")).toHaveLength(1);
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
    render(<TierCard profile={profileFixture({ lastPush: { dateLastUpdated: receivedAt, receivedAt } })} />);
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

  describe("on a phone", () => {
    afterEach(() => vi.unstubAllGlobals());

    test("the tier, points and progress show; the rest opens behind 'More about your tier'", () => {
      // A phone: narrower than the disclosure's 640 px.
      vi.stubGlobal("matchMedia", (query: string) => ({ matches: false, media: query }));
      render(<TierCard profile={profileFixture()} tiers={PROGRAM_TIERS} />);
      const more = screen.getByRole("button", { name: "More about your tier" });
      expect(more.getAttribute("aria-expanded")).toBe("false");
      const panels = (more.getAttribute("aria-controls") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id));
      expect(panels).toHaveLength(2);
      for (const panel of panels) expect(panel?.className).toContain("max-sm:hidden");
      expect(panels[1]?.textContent).toContain("Tier history");
      fireEvent.click(more);
      expect(more.getAttribute("aria-expanded")).toBe("true");
      for (const panel of panels) expect(panel?.className).not.toContain("max-sm:hidden");
    });
  });

  test("the points about to expire show on the card, the nearest first, and the history is a link away", () => {
    const soon = new Date(Date.now() + 12 * 86_400_000).toISOString();
    const later = new Date(Date.now() + 45 * 86_400_000).toISOString();
    render(
      <TierCard
        profile={profileFixture({
          expiringPoints: [
            { points: 100, date: soon },
            { points: 150, date: later },
          ],
        })}
      />,
    );
    const list = screen.getByRole("list", { name: "Points expiring" });
    expect(within(list).getAllByRole("listitem")[0]?.textContent).toMatch(/^100 pts expire in 12 days, on /);
    // One beside the balances, one beside "More about your tier" on a phone (CSS shows one of them).
    const links = screen.getAllByRole("link", { name: "Points history" });
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["/history", "/history"]);
    expect(links.map((link) => link.classList.contains("max-sm:hidden"))).toEqual([true, false]);
  });

  test("no expiring points, no list; a read-only preview has no link to the member's history", () => {
    render(
      <ReadOnly>
        <TierCard profile={profileFixture({ expiringPoints: [] })} />
      </ReadOnly>,
    );
    expect(screen.queryByRole("list", { name: "Points expiring" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Points history" })).toBeNull();
  });
});
