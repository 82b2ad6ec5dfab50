// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createAnnouncements } from "../lib/announcements.ts";
import { LiveAnnouncements, TOAST_MS } from "./live-announcements.tsx";

function setup() {
  const store = createAnnouncements();
  render(
    <>
      <main id="main" tabIndex={-1}>
        <button type="button">Somewhere on the page</button>
      </main>
      <LiveAnnouncements store={store} />
    </>,
  );
  return store;
}

const status = () => screen.getByRole("status");
const toasts = () => screen.queryByRole("region", { name: "Notifications" });

describe("LiveAnnouncements", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("an empty polite live region waits on the page before anything is said", () => {
    setup();
    expect(status().getAttribute("aria-live")).toBe("polite");
    expect(status().textContent).toBe("");
    expect(toasts()).toBeNull();
  });

  test("says the change politely and shows a toast, without taking focus", () => {
    const store = setup();
    const button = screen.getByRole("button", { name: "Somewhere on the page" });
    button.focus();
    act(() => store.publish({ kind: "points-up", message: "You earned 50 points." }));
    expect(status().textContent).toBe("You earned 50 points.");
    expect(within(toasts() as HTMLElement).getByText("You earned 50 points.")).toBeTruthy();
    expect(document.activeElement).toBe(button);
  });

  test("hides by itself, but not while it has focus", () => {
    const store = setup();
    act(() => store.publish({ kind: "points-up", message: "You earned 50 points." }));
    const dismiss = screen.getByRole("button", { name: "Dismiss" });
    act(() => dismiss.focus());
    act(() => vi.advanceTimersByTime(TOAST_MS.points * 2));
    expect(toasts()).not.toBeNull();
    act(() => dismiss.blur());
    act(() => vi.advanceTimersByTime(TOAST_MS.points));
    expect(toasts()).toBeNull();
    // The screen-reader message outlives the toast (it is only ever replaced).
    expect(status().textContent).toBe("You earned 50 points.");
  });

  test("Alt+T reaches the toast from anywhere; dismissing it puts focus back", () => {
    const store = setup();
    const button = screen.getByRole("button", { name: "Somewhere on the page" });
    button.focus();
    act(() => store.publish({ kind: "tier-up", message: "You reached Silver!" }));
    fireEvent.keyDown(document, { altKey: true, code: "KeyT", key: "†" });
    const dismiss = screen.getByRole("button", { name: "Dismiss" });
    expect(document.activeElement).toBe(dismiss);
    fireEvent.click(dismiss);
    expect(toasts()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test("celebrates a new tier, and only a new tier", () => {
    const store = setup();
    act(() => store.publish({ kind: "points-up", message: "You earned 50 points." }));
    expect(document.querySelector("[data-celebration]")).toBeNull();
    act(() => store.publish({ kind: "tier-up", message: "You reached Silver!" }));
    const celebration = document.querySelector("[data-celebration]");
    expect(celebration?.getAttribute("aria-hidden")).toBe("true");
    act(() => store.publish({ kind: "tier-down", message: "Your tier is now Bronze." }));
    expect(document.querySelectorAll("[data-celebration]")).toHaveLength(1);
  });
});
