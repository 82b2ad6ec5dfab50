// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "../../testing/auto-cleanup.ts";
import { describe, expect, test, vi } from "vitest";
import { activitiesFixture } from "../../testing/fixtures.ts";
import { ActivityCard, type ActivityCardProps } from "./activity-card.tsx";

const byId = (id: string) => {
  const activity = activitiesFixture().find((a) => a.id === id);
  if (!activity) throw new Error(`no fixture ${id}`);
  return activity;
};

const renderCard = (id: string, props: Partial<ActivityCardProps> = {}) =>
  render(<ActivityCard activity={byId(id)} memberScore={null} href={`/activities/${id}`} {...props} />);

describe("ActivityCard", () => {
  test("shows effective points, the base and each campaign", () => {
    renderCard("109");
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(within(card).getByText("650 pts")).toBeTruthy();
    expect(within(card).getByText("200 pts base")).toBeTruthy();
    expect(within(card).getByText("3× Winter bonus · +50")).toBeTruthy();
    expect(within(card).getByText("Buy")).toBeTruthy();
    const image = card.querySelector("img");
    expect(image?.getAttribute("loading")).toBe("lazy");
  });

  test("on an English page the brand's English words carry no lang of their own", () => {
    renderCard("109");
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(card.querySelector("[lang]")).toBeNull();
  });

  test("a campaign the stacking rule leaves out is marked as such, in the rule's words", () => {
    renderCard("110");
    const card = screen.getByRole("article", { name: "Refer a friend" });
    expect(within(card).getByText("2× Referral month")).toBeTruthy();
    expect(
      within(card)
        .getByText(/Holiday gift · \+100/)
        .closest("li")?.textContent,
    ).toBe("Holiday gift · +100 (not counted: only the biggest bonus counts)");
    expect(within(card).getByText("Only the biggest bonus counts.")).toBeTruthy();
    // No document says campaigns "don't combine"; only the configured rule is worded.
    expect(card.textContent).not.toMatch(/combine/i);
  });

  test.each([
    ["additive", "Bonuses add up."],
    ["multiplicative", "Multipliers multiply; gifts add up."],
  ] as const)("under the %s rule every campaign counts and the card says so", (stacking, rule) => {
    const activity = byId("110");
    const points = {
      ...activity.points,
      effective: 600,
      bonus: 350,
      stacking,
      campaigns: activity.points.campaigns.map((campaign) => ({ ...campaign, applied: true })),
    };
    render(<ActivityCard activity={{ ...activity, points }} memberScore={null} href={null} />);
    const card = screen.getByRole("article", { name: "Refer a friend" });
    expect(within(card).getByText(rule)).toBeTruthy();
    expect(within(card).getByText("Holiday gift · +100").textContent).toBe("Holiday gift · +100");
    expect(card.textContent).not.toMatch(/not counted|biggest/);
  });

  test("one campaign states no rule; one worth less than the activity says why it is left out", () => {
    const activity = byId("110");
    const points = {
      base: 250,
      effective: 250,
      bonus: 0,
      stacking: "best_single" as const,
      campaigns: [{ title: "Slow week", multiplier: 0.5, pointGift: 0, points: 125, applied: false }],
    };
    render(<ActivityCard activity={{ ...activity, points }} memberScore={null} href={null} />);
    const card = screen.getByRole("article", { name: "Refer a friend" });
    expect(
      within(card)
        .getByText(/Slow week/)
        .closest("li")?.textContent,
    ).toBe("0.5× Slow week (not counted: worth less than the activity's own points)");
    expect(card.textContent).not.toMatch(/biggest|add up|multiply/);
  });

  test("a gift-only campaign reads as its gift, whichever multiplier CrowdTwist sent", () => {
    // The BFF reports a multiplier of 0 as 1 (ADR 0020): the member never reads "0×".
    const activity = byId("109");
    const points = {
      base: 30,
      effective: 50,
      bonus: 20,
      stacking: "best_single" as const,
      campaigns: [{ title: "Newsletter thank-you", multiplier: 1, pointGift: 20, points: 50, applied: true }],
    };
    render(<ActivityCard activity={{ ...activity, points }} memberScore={null} href={null} />);
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(within(card).getByText("50 pts")).toBeTruthy();
    expect(within(card).getByText("30 pts base")).toBeTruthy();
    expect(within(card).getByText("Newsletter thank-you · +20")).toBeTruthy();
    expect(card.textContent).not.toMatch(/0×/);
  });

  test("the title links to the given address; without one it is plain text", () => {
    renderCard("109");
    expect(screen.getByRole("link", { name: "Redeem a winter code" }).getAttribute("href")).toBe(
      "/activities/109",
    );
    const { container } = renderCard("110", { href: null, headingLevel: 4 });
    expect(within(container).queryByRole("link")).toBeNull();
    expect(within(container).getByRole("heading", { level: 4, name: "Refer a friend" })).toBeTruthy();
  });

  test("a locked card says so once; what unlocks it is behind 'Why can't I do this?'", () => {
    renderCard("105", { memberScore: 350 });
    const card = screen.getByRole("article", { name: byId("105").title });
    expect(card.textContent?.match(/Locked/g)).toHaveLength(1);
    // The tier that opens it is said once, in the explainer's panel (closed until asked for).
    const hints = within(card).getAllByText(/Reach Silver/);
    expect(hints).toHaveLength(1);
    expect(hints[0]?.closest("[hidden]")).not.toBeNull();
    // No disabled "Locked" button: the only controls are the title link and the explainer.
    expect(
      within(card)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Why can't I do this?"]);
    expect(within(card).getAllByRole("link")).toHaveLength(1);
  });

  test("the title link is the card's one target; no other link or hidden button", () => {
    const { container } = renderCard("109");
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(
      within(card)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Redeem a winter code"]);
    expect(card.textContent).not.toMatch(/View details/);
    expect(container.querySelectorAll("[aria-hidden='true'] a, [tabindex='-1']")).toHaveLength(0);
  });

  test("'Why can't I do this?' is a disclosure with what the member can do", async () => {
    const user = userEvent.setup();
    const onWhyToggle = vi.fn();
    renderCard("105", { memberScore: 350, onWhyToggle });
    const button = screen.getByRole("button", { name: "Why can't I do this?" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const panel = document.getElementById(button.getAttribute("aria-controls") ?? "");
    expect(panel?.hidden).toBe(true);
    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panel?.hidden).toBe(false);
    expect(panel?.textContent).toBe("Reach Silver to unlock — earn 650 more points");
    expect(onWhyToggle).toHaveBeenCalledWith(true);
  });

  test("without the member's score the explanation has no count", () => {
    renderCard("106", { defaultWhyOpen: true });
    expect(screen.getByText("Reach Gold to unlock", { selector: "li" })).toBeTruthy();
  });

  test.each([
    ["116", `Opens in 10 days — on December 3`],
    ["118", "This activity has ended"],
  ])("activity %s explains itself: %s", (id, text) => {
    renderCard(id, { defaultWhyOpen: true });
    expect(screen.getByText(text, { selector: "li" })).toBeTruthy();
  });

  test.each([
    ["117", "Ends in 2 days"],
    ["116", "Starts in 10 days"],
    ["118", "Ended"],
  ])("activity %s has the date badge %s", (id, text) => {
    renderCard(id);
    expect(screen.getByText(text)).toBeTruthy();
  });

  test("how often and when points arrive, compactly", () => {
    renderCard("117");
    expect(screen.getByText("Once a day · Points as soon as you open it")).toBeTruthy();
    renderCard("110");
    expect(screen.getByText("Up to 5 times a week · Points after every 2 completions")).toBeTruthy();
  });

  test("an available card has no lock and nothing to explain", () => {
    renderCard("109");
    expect(screen.queryByText("Locked")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  test("the same activity twice on one page gets distinct ids (the manager preview does this)", () => {
    renderCard("105");
    renderCard("105");
    const [a, b] = screen.getAllByRole("article");
    expect(a?.getAttribute("aria-labelledby")).not.toBe(b?.getAttribute("aria-labelledby"));
  });

  test("a once-only activity the member has done says Done, once, and offers nothing more", () => {
    const rule = { cap: 1, period: "lifetime", requiredAttempts: 1 } as const;
    const followed = {
      ...byId("109"),
      title: "Follow us on Twitter",
      frequency: rule,
      done: true,
      progress: { count: 1, cap: 1, period: "lifetime" } as const,
      why: [{ kind: "frequency_cap", rule, resetsAt: null, action: "none" } as const],
      action: null,
    };
    render(<ActivityCard activity={followed} memberScore={null} href="/activities/102" />);
    const card = screen.getByRole("article", { name: "Follow us on Twitter" });
    expect(within(card).getByText("Done")).toBeTruthy();
    expect(card.querySelector("[data-activity-action]")).toBeNull();
    // Why it cannot be done again goes without saying; "1 of 1" would only repeat "Done".
    expect(within(card).queryByRole("button", { name: "Why can't I do this?" })).toBeNull();
    expect(card.textContent).not.toMatch(/1 of 1/);
    expect(within(card).getAllByRole("link")).toHaveLength(1);
  });

  test("a capped activity says how far the member is, and when the cap is reached, why and until when", async () => {
    const rule = { cap: 3, period: "week", requiredAttempts: 1 } as const;
    const share = {
      ...byId("109"),
      title: "Share a post on Facebook",
      frequency: rule,
      done: false,
      progress: { count: 1, cap: 3, period: "week" } as const,
    };
    const { unmount } = render(<ActivityCard activity={share} memberScore={null} href={null} />);
    expect(screen.getByText("1 of 3 times this week")).toBeTruthy();
    expect(screen.queryByText("Up to 3 times a week")).toBeNull();
    unmount();
    const capped = {
      ...share,
      progress: { count: 3, cap: 3, period: "week" } as const,
      why: [{ kind: "frequency_cap", rule, resetsAt: "2026-12-07T00:00:00.000Z", action: "wait" } as const],
      action: null,
    };
    render(<ActivityCard activity={capped} memberScore={null} href={null} />);
    expect(screen.getByText("3 of 3 times this week")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Why can't I do this?" }));
    const reason = screen.getByText("You've reached the limit for this week — again from Monday");
    expect(reason.closest("ul")?.hidden).toBe(false);
    expect(screen.queryByText("Done")).toBeNull();
  });
});
