// @vitest-environment jsdom
import "../../testing/auto-cleanup.ts";
import { render, screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { meFixture } from "../../testing/fixtures.ts";
import { stubApi } from "../../testing/render.tsx";
import { App } from "../app.tsx";

const unauthenticated = {
  status: 401,
  body: { error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "r1" } },
};

async function open(search: string, me: { status: number; body: unknown } = unauthenticated) {
  window.history.replaceState(null, "", `/sign-in-failed${search}`);
  const { calls } = stubApi({ "/api/me": me });
  render(<App />);
  await screen.findByRole("heading", { level: 1, name: "We couldn't sign you in" });
  return { calls, main: screen.getByRole("main") };
}

describe("the sign-in failure page", () => {
  test.each([
    ["expired", "That sign-in link has expired or was already used."],
    ["denied", "Sign-in was cancelled, or your account didn't allow access to the portal."],
    ["unavailable", "The sign-in service isn't answering right now."],
    ["busy", "There have been too many sign-in attempts from your network."],
    ["unverified", "Your email address isn't verified yet."],
    ["no_member", "Your sign-in didn't say which rewards account is yours"],
    ["failed", "Something went wrong while signing you in."],
  ])("reason=%s reads in plain words", async (reason, text) => {
    const { main, calls } = await open(`?reason=${reason}&ref=req-123`);
    expect(main.textContent).toContain(text);
    expect(main.textContent).toContain("Reference: req-123");
    expect(document.title).toBe("We couldn't sign you in · Loyalty portal");
    expect(screen.getByRole("link", { name: "Sign in again" }).getAttribute("href")).toBe(
      "/api/auth/login?returnTo=%2F",
    );
    expect(screen.getByRole("link", { name: "Go to the home page" })).toBeTruthy();
    expect(calls).toEqual(["/api/me"]);
  });

  test.each([
    ["no reason at all", ""],
    ["an unknown reason", "?reason=gremlins"],
    ["markup for a reason", `?reason=${encodeURIComponent("<img src=x onerror=alert(1)>")}`],
    ["an inherited property name", "?reason=constructor"],
    ["a reason given twice", "?reason=&reason=expired"],
  ])("%s reads as a general failure", async (_case, search) => {
    const { main } = await open(search);
    expect(main.textContent).toContain("Something went wrong while signing you in.");
    expect(main.querySelector("img")).toBeNull();
  });

  test.each([
    ["markup", "<b>call us</b>"],
    ["words", "call 555-0100 for help"],
    ["a very long one", "x".repeat(65)],
  ])("a reference that is not one of ours (%s) is not shown", async (_case, ref) => {
    const { main } = await open(`?reason=expired&ref=${encodeURIComponent(ref)}`);
    expect(main.textContent).not.toContain("Reference");
    expect(main.textContent).not.toContain(ref);
  });

  test("shows for a member who is still signed in too (a stale link in another tab)", async () => {
    const { main } = await open("?reason=expired", { status: 200, body: meFixture() });
    expect(main.textContent).toContain("That sign-in link has expired");
  });
});
