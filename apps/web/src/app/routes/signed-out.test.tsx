// @vitest-environment jsdom
import "../../testing/auto-cleanup.ts";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { activitiesBodyFixture, meFixture } from "../../testing/fixtures.ts";
import { stubApi } from "../../testing/render.tsx";
import { App } from "../app.tsx";

const unauthenticated = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "r1" } },
};

describe("the signed-out page", () => {
  test("says so, and offers to sign in again back to the home page", async () => {
    window.history.replaceState(null, "", "/signed-out");
    const { calls } = stubApi({
      "/api/me": unauthenticated,
      "/api/health": { status: 200, body: { status: "ok" } },
    });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "You're signed out" })).toBeTruthy();
    expect(document.title).toBe("You're signed out · Loyalty portal");
    const again = screen.getByRole("link", { name: "Sign in again" });
    // Back to the home page after signing in, never to this page.
    expect(again.getAttribute("href")).toBe("/api/auth/login?returnTo=%2F");
    expect(screen.getByRole("link", { name: "Go to the home page" }).getAttribute("href")).toBe("/");
    // One main landmark and no sign-out button: nobody is signed in here.
    expect(screen.getAllByRole("main")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
    // Nothing of the member's is asked for.
    expect(calls).toEqual(["/api/me"]);
  });

  test("the home link leads to the landing page, whose heading takes focus", async () => {
    window.history.replaceState(null, "", "/signed-out");
    stubApi({
      "/api/me": unauthenticated,
      "/api/me/activities": unauthenticated,
      "/api/health": { status: 200, body: { status: "ok" } },
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole("link", { name: "Go to the home page" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Your rewards, all in one place" });
    expect(window.location.pathname).toBe("/");
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  test("opened while signed in (another tab signed in again), it gives way to the home page", async () => {
    window.history.replaceState(null, "", "/signed-out");
    stubApi({
      "/api/me": { status: 200, body: meFixture() },
      "/api/me/activities": { status: 200, body: activitiesBodyFixture() },
    });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
    expect(window.location.pathname).toBe("/");
    expect(screen.queryByText("You're signed out")).toBeNull();
  });
});
