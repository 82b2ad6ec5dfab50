// @vitest-environment jsdom
import "../../testing/auto-cleanup.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { activitiesBodyFixture, activityFixture, meFixture, profileFixture } from "../../testing/fixtures.ts";
import { renderWithClient, stubApi } from "../../testing/render.tsx";
import { MemberHome } from "./member-home.tsx";

// What a member whose account CrowdTwist has deactivated sees (Live Push `isActive: false`): told so,
// their tier and points as they were, and no earning portal offered as if the account were active.

const PATH = "/api/me/activities";

describe("MemberHome for an inactive account", () => {
  test("says the account is inactive and offers no activities", async () => {
    const { calls } = stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    renderWithClient(<MemberHome me={meFixture(profileFixture({ active: false }))} />);
    expect(await screen.findByText("Your account is inactive")).toBeTruthy();
    expect(screen.getByText(/contact member care to reactivate it/)).toBeTruthy();
    expect(screen.queryAllByRole("article")).toHaveLength(0);
    // Not even asked for: nothing to earn with is offered.
    expect(calls).toEqual([]);
  });

  test("an active account (or one the push did not describe) gets its activities", async () => {
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture() } });
    renderWithClient(<MemberHome me={meFixture(profileFixture({ active: null }))} />);
    expect(await screen.findByText("6 of 7 activities")).toBeTruthy();
    expect(screen.queryByText("Your account is inactive")).toBeNull();
  });

  test("an activity whose community could not be checked says so", async () => {
    const forum = activityFixture({ id: "112", title: "Join the fan forum", community: { checked: false } });
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture({ activities: [forum] }) } });
    renderWithClient(<MemberHome me={meFixture()} />);
    expect(await screen.findByText(/couldn't check the community just now/)).toBeTruthy();
  });

  test("an activity whose forum is closed says why", async () => {
    const forum = activityFixture({
      id: "112",
      title: "Join the fan forum",
      community: { checked: true, kind: "forum", blocks: ["closed", "hidden"] },
      why: [{ kind: "community", block: "closed", community: "forum", action: "none" }],
    });
    stubApi({ [PATH]: { status: 200, body: activitiesBodyFixture({ activities: [forum] }) } });
    const user = userEvent.setup();
    renderWithClient(<MemberHome me={meFixture()} />);
    await user.click(await screen.findByRole("button", { name: /Why can't I do this/ }));
    expect(await screen.findByText("The forum is closed")).toBeTruthy();
    // Shown (it may re-open), but not as available.
    await user.click(screen.getByRole("radio", { name: "Available" }));
    expect(screen.queryAllByRole("article")).toHaveLength(0);
  });
});
