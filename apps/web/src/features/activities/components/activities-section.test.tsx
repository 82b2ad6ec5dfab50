// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { activitiesBodyFixture, activitiesFixture } from "../../../testing/fixtures.ts";
import { renderWithClient, stubApi } from "../../../testing/render.tsx";
import { ActivitiesSection } from "./activities-section.tsx";

const PATH = "/api/me/activities";

function renderSection(memberScore: number | null = 350) {
  return renderWithClient(
    <QueryBoundary fallback={<p>loading</p>} errorTitle="We couldn't load your activities">
      <ActivitiesSection memberScore={memberScore} />
    </QueryBoundary>,
  );
}

const cardTitles = () =>
  screen.getAllByRole("article").map((article) => within(article).getByRole("heading").textContent);

/** The stale banner: a live region that starts with how old the data is. */
async function findBanner() {
  const heading = await screen.findByText(/^Showing your activities from/);
  const banner = heading.closest<HTMLElement>('[role="status"]');
  if (!banner) throw new Error("the stale banner is not a live region");
  return banner;
}

// The error boundary logs what it caught; these tests expect errors.
const quietErrors = () => vi.spyOn(console, "error").mockImplementation(() => {});

describe("ActivitiesSection", () => {
  test("shows every current activity as a card, with a count", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    renderSection();
    expect(await screen.findByText("6 of 7 activities")).toBeTruthy();
    expect(screen.getAllByRole("article")).toHaveLength(6);
    expect(screen.queryByText(/Showing your activities from/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  test("a long list shows every card, though its first render holds only the first six", async () => {
    const many = Array.from({ length: 3 }, (_, round) =>
      activitiesFixture().map((activity) => ({ ...activity, id: `${activity.id}-${round}` })),
    ).flat();
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture({ activities: many }) } });
    renderSection();
    expect(await screen.findByText("18 of 21 activities")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(18));
  });

  test("filters by state and category, and sorts by points", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    const user = userEvent.setup();
    renderSection();
    await screen.findByText("6 of 7 activities");

    await user.click(screen.getByRole("radio", { name: "Locked" }));
    expect(screen.getByText("2 of 7 activities")).toBeTruthy();
    expect(cardTitles()).toEqual(["Buy a season ticket", "Check in at the VIP lounge"]);
    expect(window.location.search).toBe("?show=locked");

    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "Buy");
    expect(cardTitles()).toEqual(["Buy a season ticket"]);

    await user.click(screen.getByRole("radio", { name: "All current" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "All categories");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Most points");
    expect(cardTitles().slice(0, 3)).toEqual([
      "Buy a season ticket",
      "Redeem a winter code",
      "Refer a friend",
    ]);
    expect(window.location.search).toBe("?sort=points");
  });

  test("ended activities are out of the default view and shown only under their filter", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    const user = userEvent.setup();
    renderSection();
    await screen.findByText("6 of 7 activities");
    expect(cardTitles()).not.toContain("Summer playlist");
    await user.click(screen.getByRole("radio", { name: "Ended" }));
    expect(screen.getByText("1 of 7 activities")).toBeTruthy();
    expect(cardTitles()).toEqual(["Summer playlist"]);
    expect(window.location.search).toBe("?show=ended");
  });

  test("offers to clear filters that match nothing", async () => {
    window.history.replaceState(null, "", "/?category=2&show=upcoming");
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    const user = userEvent.setup();
    renderSection();
    expect(await screen.findByText("No activities match these filters.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(screen.getByText("6 of 7 activities")).toBeTruthy();
  });

  test("a member who is not enrolled is told so", async () => {
    stubApi({ [PATH]: { status: 200, body: { enrolled: false, activities: [], freshness: null } } });
    renderSection();
    expect(
      await screen.findByRole("heading", { name: "You're not in the rewards program yet" }),
    ).toBeTruthy();
  });

  test("an empty program says there is nothing right now", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture({ activities: [] }) } });
    renderSection();
    expect(await screen.findByRole("heading", { name: "No activities right now" })).toBeTruthy();
  });

  test("stale data comes with a banner saying how old it is", async () => {
    const fetchedAt = new Date(Date.now() - 5 * 60_000 - 10_000).toISOString();
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture({ degraded: true, fetchedAt }) } });
    renderSection();
    const banner = await findBanner();
    expect(banner.textContent).toContain("Showing your activities from 5 minutes ago.");
    expect(within(banner).getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.getAllByRole("article")).toHaveLength(6);
  });

  test("an outage without data shows the message, the reference and a retry that works", async () => {
    quietErrors();
    let attempts = 0;
    stubApi({
      [PATH]: () =>
        ++attempts === 1
          ? {
              status: 503,
              body: {
                error: {
                  code: "upstream_unavailable",
                  message: "The rewards service is not answering right now. Please try again in a minute.",
                  requestId: "req-123",
                },
              },
            }
          : { status: 200, body: activitiesBodyFixture() },
    });
    const user = userEvent.setup();
    renderSection();
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "We couldn't load your activities" })).toBeTruthy();
    expect(alert.textContent).toContain("One of our services isn't answering right now.");
    expect(alert.textContent).toContain("Reference: req-123");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("6 of 7 activities")).toBeTruthy();
    expect(attempts).toBe(2);
  });

  test("a session that ended offers to sign in again", async () => {
    quietErrors();
    stubApi({
      [PATH]: {
        status: 401,
        body: { error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "r" } },
      },
    });
    renderSection();
    const link = await screen.findByRole("link", { name: "Sign in again" });
    expect(link.getAttribute("href")).toBe("/api/auth/login?returnTo=%2F");
  });

  test("locked cards count the points to go from the member's score", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    renderSection(350);
    expect(await screen.findByText("Reach Silver to unlock — earn 650 more points")).toBeTruthy();
    expect(screen.getByText("Reach Gold to unlock — earn 2,150 more points")).toBeTruthy();
  });

  test("the filters do not fetch again", async () => {
    const { calls } = stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    const user = userEvent.setup();
    renderSection();
    await screen.findByText("6 of 7 activities");
    await user.click(screen.getByRole("radio", { name: "Upcoming" }));
    await waitFor(() => expect(screen.getByText("1 of 7 activities")).toBeTruthy());
    expect(calls).toEqual([PATH]);
  });
});
