// @vitest-environment jsdom
import "../testing/auto-cleanup.ts";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { API_TIMEOUT_MS } from "../lib/fetch-within.ts";
import { activitiesBodyFixture, meFixture } from "../testing/fixtures.ts";
import { type StubAnswer, stubApi } from "../testing/render.tsx";
import { App } from "./app.tsx";
import { SIGN_OUT_AFTER_MS } from "./routes/loading-actions.tsx";

// After an outage the member page was an endless skeleton with no way out. Now every call has the
// browser's own deadline, and signing out is offered in every state the page can be in.

const hang = () => new Promise<StubAnswer>(() => {});
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const signOutButton = () => screen.queryByRole("button", { name: "Sign out" });
const loggedOut = { status: 200, body: { logoutUrl: "http://localhost/signed-out" } };

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  // The error boundaries log what they catch; these tests expect errors.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("a BFF that never answers", () => {
  test("the skeleton offers sign-out after a moment, then the page says so with a retry that works", async () => {
    let meAnswers = hang;
    const { calls } = stubApi({
      "/api/me": () => meAnswers(),
      "/api/me/activities": () => ({ status: 200, body: activitiesBodyFixture() }),
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<App />);
    expect(await screen.findByText("Loading…")).toBeTruthy();
    // Not at once: a visitor who is signed out would see "Sign out" flash before "Sign in".
    expect(signOutButton()).toBeNull();
    await wait(SIGN_OUT_AFTER_MS);
    expect(signOutButton()).toBeTruthy();

    await wait(API_TIMEOUT_MS);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { level: 1, name: "We couldn't load this page" })).toBeTruthy();
    expect(alert.textContent).toContain("The portal is taking too long to answer.");
    expect(signOutButton()).toBeTruthy();
    // Not tried again behind the member's back: they have waited long enough.
    const asked = calls.filter((path) => path === "/api/me").length;
    await wait(5_000);
    expect(calls.filter((path) => path === "/api/me")).toHaveLength(asked);
    expect(screen.getByRole("alert")).toBe(alert);

    meAnswers = async () => ({ status: 200, body: meFixture() });
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
    expect(await screen.findByText("6 of 7 activities")).toBeTruthy();
  });

  test("sign-out works from the failed page", async () => {
    const { calls } = stubApi({ "/api/me": hang, "/api/me/activities": hang, "/api/auth/logout": loggedOut });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<App />);
    await wait(API_TIMEOUT_MS);
    await screen.findByRole("alert");
    const button = signOutButton();
    if (!button) throw new Error("no sign-out on the failed page");
    await user.click(button);
    await waitFor(() => expect(calls).toContain("/api/auth/logout"));
  });

  test("activities that never answer: an error with a retry in place of the skeleton, sign-out all along", async () => {
    stubApi({ "/api/me": { status: 200, body: meFixture() }, "/api/me/activities": hang });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
    expect(signOutButton()).toBeTruthy();
    await wait(API_TIMEOUT_MS);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "We couldn't load your activities" })).toBeTruthy();
    expect(alert.textContent).toContain("The portal is taking too long to answer.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(signOutButton()).toBeTruthy();
  });
});

describe("sign-out is in the header whatever the activities say", () => {
  const member = { status: 200, body: meFixture() };
  const cases: Array<[string, StubAnswer | (() => Promise<StubAnswer>), string]> = [
    ["loading", hang, "Loading…"],
    [
      "failed",
      {
        status: 503,
        body: {
          error: {
            code: "upstream_unavailable",
            message: "The rewards service is not answering right now.",
            requestId: "r",
          },
        },
      },
      "We couldn't load your activities",
    ],
    [
      "degraded",
      {
        status: 200,
        body: activitiesBodyFixture({
          degraded: true,
          fetchedAt: new Date(Date.now() - 120_000).toISOString(),
        }),
      },
      "Showing your activities from 2 minutes ago.",
    ],
    [
      "not enrolled",
      { status: 200, body: { enrolled: false, activities: [], freshness: null } },
      "You're not in the rewards program yet",
    ],
  ];

  test.each(cases)("%s", async (_state, activities, shows) => {
    stubApi({ "/api/me": member, "/api/me/activities": activities });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
    if (shows === "Loading…") {
      // The section's skeleton: the activity count never appears, the header is there all the same.
      expect(screen.queryByText(/activities$/)).toBeNull();
    } else {
      // A 503 is asked once more (after TanStack's 1 s retry delay) before the error shows.
      expect(await screen.findByText(shows, undefined, { timeout: 3_000 })).toBeTruthy();
    }
    expect(signOutButton()).toBeTruthy();
  });
});
