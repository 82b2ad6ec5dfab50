// @vitest-environment jsdom
import "../testing/auto-cleanup.ts";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { activitiesBodyFixture, meFixture } from "../testing/fixtures.ts";
import { deferred, type StubAnswer, stubApi } from "../testing/render.tsx";
import { App } from "./app.tsx";

const unauthenticated = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "r1" } },
};
const status = { status: 200, body: { status: "ok", upstreams: [] } };
const nobody = { status: 200, body: { user: null, profile: null, program: { timeZone: "UTC" } } };
/** The BFF's readable "a session may exist" cookie, as the page reads it. */
const withSessionHint = () =>
  vi.spyOn(Document.prototype, "cookie", "get").mockReturnValue("__Host-portal.signed-in=1");

describe("App", () => {
  test("signed out: the landing page with a sign-in link that returns to the page, and no request bound to fail", async () => {
    window.history.replaceState(null, "", "/activities/109");
    const { calls } = stubApi({
      "/api/me": nobody,
      "/api/me/activities": unauthenticated,
      "/api/status": status,
    });
    render(<App />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Your rewards, all in one place" }),
    ).toBeTruthy();
    const links = screen.getAllByRole("link", { name: "Sign in" });
    expect(links[0]?.getAttribute("href")).toBe("/api/auth/login?returnTo=%2Factivities%2F109");
    expect(calls).not.toContain("/api/me/activities");
  });

  test("a stale session hint costs one refused request, and the page still lands signed out", async () => {
    withSessionHint();
    window.history.replaceState(null, "", "/");
    const { calls } = stubApi({
      "/api/me": nobody,
      "/api/me/activities": unauthenticated,
      "/api/status": status,
    });
    render(<App />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Your rewards, all in one place" }),
    ).toBeTruthy();
    expect(calls.filter((path) => path === "/api/me/activities")).toEqual(["/api/me/activities"]);
  });

  test("without the session hint the activities are asked for once /api/me names a member", async () => {
    window.history.replaceState(null, "", "/");
    // /api/me is held: nothing may ask for the activities before it has named a member.
    const me = deferred<StubAnswer>();
    const { calls } = stubApi({
      "/api/me": () => me.promise,
      "/api/me/activities": { status: 200, body: activitiesBodyFixture() },
    });
    render(<App />);
    await waitFor(() => expect(calls).toEqual(["/api/me"]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual(["/api/me"]);
    me.resolve({ status: 200, body: meFixture() });
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
    await waitFor(() => expect(calls).toEqual(["/api/me", "/api/me/activities"]));
  });

  test("with the session hint, /api/me and /api/me/activities leave together, not one after the other", async () => {
    withSessionHint();
    const started: string[] = [];
    const answers: Record<string, (response: Response) => void> = {};
    vi.stubGlobal("fetch", (input: RequestInfo | URL) => {
      const path = new URL(String(input instanceof Request ? input.url : input), "http://localhost").pathname;
      started.push(path);
      return new Promise<Response>((resolve) => {
        answers[path] = resolve;
      });
    });
    render(<App />);
    await waitFor(() => expect(started).toEqual(["/api/me", "/api/me/activities"]));
    // Neither has answered yet, and both are already on their way.
    answers["/api/me"]?.(Response.json(meFixture()));
    answers["/api/me/activities"]?.(Response.json(activitiesBodyFixture()));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeTruthy();
  });

  test("signed in: the tier card and the activities; a card leads to its details, which take focus", async () => {
    stubApi({
      "/api/me": { status: 200, body: meFixture() },
      "/api/me/activities": { status: 200, body: activitiesBodyFixture() },
    });
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole("progressbar", { name: "Progress to Silver" })).toBeTruthy();
    await user.click(await screen.findByRole("link", { name: "Redeem a winter code" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Redeem a winter code" });
    expect(window.location.pathname).toBe("/activities/109");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText("3× Winter bonus · +50")).toBeTruthy();

    await user.click(screen.getByRole("link", { name: /Back to all activities/ }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("heading", { level: 1, name: "Welcome back, Ava" }),
      ),
    );
  });

  test("an activity the member cannot see is not found", async () => {
    window.history.replaceState(null, "", "/activities/107");
    stubApi({
      "/api/me": { status: 200, body: meFixture() },
      "/api/me/activities": { status: 200, body: activitiesBodyFixture() },
    });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Activity not found" })).toBeTruthy();
  });

  test("members who open /manage are told it is not for them", async () => {
    window.history.replaceState(null, "", "/manage");
    const { calls } = stubApi({ "/api/me": { status: 200, body: meFixture() } });
    render(<App />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "This area is for program managers" }),
    ).toBeTruthy();
    expect(calls).toEqual(["/api/me"]);
  });

  test("managers get the preview from its own chunk", async () => {
    window.history.replaceState(null, "", "/manage");
    const manager = meFixture(null);
    manager.user = { ...manager.user, roles: ["program_manager"], isManager: true };
    stubApi({ "/api/me": { status: 200, body: manager } });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Program manager preview" })).toBeTruthy();
  });

  test("when /api/me fails the page says so, with the reference and a retry", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    stubApi({
      "/api/me": {
        status: 500,
        body: { error: { code: "internal_error", message: "Something broke.", requestId: "abc" } },
      },
      "/api/me/activities": unauthenticated,
    });
    render(<App />);
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    // The BFF's own message is for its log; the member reads the portal's words for the code.
    expect(alert.textContent).toContain("Something went wrong on our side. Please try again.");
    expect(alert.textContent).toContain("Reference: abc");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
