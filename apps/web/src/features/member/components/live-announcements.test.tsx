// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/i18n.ts";
import { profileFixture } from "../../../testing/fixtures.ts";
import { createAnnouncements } from "../lib/announcements.ts";
import { type AnnouncementKind, profileAnnouncement } from "../lib/profile-announcement.ts";
import { LiveAnnouncements, TOAST_MS } from "./live-announcements.tsx";

/** An announcement of these words (a catalog message whose id is its English, as in tests). */
const said = (kind: AnnouncementKind, text: string) => ({ kind, messages: [{ id: text, message: text }] });

function setup() {
  const store = createAnnouncements();
  render(
    <>
      <main id="main" tabIndex={-1}>
        <button type="button">Somewhere on the page</button>
        <button type="button">Elsewhere on the page</button>
        <label>
          Search <input type="text" />
        </label>
        <div contentEditable suppressContentEditableWarning>
          <span>typed</span>
        </div>
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
    act(() => store.publish(said("points-up", "You earned 50 points.")));
    expect(status().textContent).toBe("You earned 50 points.");
    expect(within(toasts() as HTMLElement).getByText("You earned 50 points.")).toBeTruthy();
    expect(document.activeElement).toBe(button);
  });

  test("hides by itself, but not while it has focus", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 50 points.")));
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
    act(() => store.publish(said("tier-up", "You reached Silver!")));
    fireEvent.keyDown(document, { altKey: true, code: "KeyT", key: "†" });
    const dismiss = screen.getByRole("button", { name: "Dismiss" });
    expect(document.activeElement).toBe(dismiss);
    fireEvent.click(dismiss);
    expect(toasts()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test("celebrates a new tier, and only a new tier", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 50 points.")));
    expect(document.querySelector("[data-celebration]")).toBeNull();
    act(() => store.publish(said("tier-up", "You reached Silver!")));
    const celebration = document.querySelector("[data-celebration]");
    expect(celebration?.getAttribute("aria-hidden")).toBe("true");
    act(() => store.publish(said("tier-down", "Your tier is now Bronze.")));
    expect(document.querySelectorAll("[data-celebration]")).toHaveLength(1);
  });

  const altT = (target: Element | Document = document, extra: Record<string, boolean> = {}) =>
    fireEvent.keyDown(target, { altKey: true, code: "KeyT", key: "†", ...extra });
  const messages = () =>
    within(toasts() as HTMLElement)
      .getAllByRole("button", { name: "Dismiss" })
      .map((button) => button.parentElement?.querySelector("p")?.textContent);

  test("newer toasts never push out the one with focus: the oldest one not held goes instead", () => {
    const store = setup();
    act(() => store.publish(said("tier-up", "You reached Silver!")));
    altT();
    const held = screen.getByRole("button", { name: "Dismiss" });
    expect(document.activeElement).toBe(held);
    for (const n of [1, 2, 3, 4]) act(() => store.publish(said("points-up", `You earned ${n} points.`)));
    expect(messages()).toEqual(["You reached Silver!", "You earned 3 points.", "You earned 4 points."]);
    expect(document.activeElement).toBe(held);
  });

  test("newer toasts never push out the one under the pointer", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 1 points.")));
    const toast = within(toasts() as HTMLElement).getByText("You earned 1 points.").parentElement;
    fireEvent.pointerEnter(toast as HTMLElement);
    for (const n of [2, 3, 4]) act(() => store.publish(said("points-up", `You earned ${n} points.`)));
    expect(messages()).toEqual(["You earned 1 points.", "You earned 3 points.", "You earned 4 points."]);
  });

  test("a toast hiding by itself leaves focus on another toast where it is", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 1 points.")));
    act(() => vi.advanceTimersByTime(TOAST_MS.points / 2));
    act(() => store.publish(said("tier-up", "You reached Silver!")));
    const second = screen.getAllByRole("button", { name: "Dismiss" })[1] as HTMLElement;
    act(() => second.focus());
    act(() => vi.advanceTimersByTime(TOAST_MS.points));
    expect(messages()).toEqual(["You reached Silver!"]);
    expect(document.activeElement).toBe(second);
  });

  test("dismissing returns focus to where it came into the toasts from this time, not an earlier time", () => {
    const store = setup();
    const somewhere = screen.getByRole("button", { name: "Somewhere on the page" });
    const elsewhere = screen.getByRole("button", { name: "Elsewhere on the page" });
    somewhere.focus();
    act(() => store.publish(said("points-up", "You earned 1 points.")));
    altT();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(document.activeElement).toBe(somewhere);
    // Later, Tab from elsewhere reaches a new toast.
    act(() => store.publish(said("points-up", "You earned 2 points.")));
    elsewhere.focus();
    act(() => screen.getByRole("button", { name: "Dismiss" }).focus());
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(document.activeElement).toBe(elsewhere);
    // And once more with nowhere remembered (focus came from the page itself): the main.
    act(() => store.publish(said("points-up", "You earned 3 points.")));
    act(() => (document.activeElement as HTMLElement).blur());
    altT();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(document.activeElement).toBe(document.getElementById("main"));
  });

  test("Alt+T is the shortcut only as itself, and never where it types", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 50 points.")));
    const dismiss = screen.getByRole("button", { name: "Dismiss" });
    const input = screen.getByRole("textbox", { name: "Search" });
    input.focus();
    expect(altT(input)).toBe(true);
    expect(document.activeElement).toBe(input);
    const note = screen.getByText("typed");
    expect(altT(note)).toBe(true);
    const button = screen.getByRole("button", { name: "Somewhere on the page" });
    button.focus();
    for (const modifier of ["ctrlKey", "metaKey", "shiftKey", "isComposing"]) {
      expect(altT(button, { [modifier]: true })).toBe(true);
      expect(document.activeElement).toBe(button);
    }
    expect(altT(button)).toBe(false);
    expect(document.activeElement).toBe(dismiss);
  });

  test("the toasts say their shortcut", () => {
    const store = setup();
    act(() => store.publish(said("points-up", "You earned 50 points.")));
    const region = toasts() as HTMLElement;
    expect(region.getAttribute("aria-keyshortcuts")).toBe("Alt+T");
    const description = document.getElementById(region.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toBe("Alt+T moves here from anywhere on the page.");
  });

  test("a toast on screen is worded again in the language chosen; what was said stays as said", async () => {
    const store = setup();
    const before = profileFixture();
    const after = profileFixture({ points: { ...before.points, total: (before.points.total ?? 0) + 50 } });
    const announcement = profileAnnouncement(before, after);
    if (!announcement) throw new Error("no announcement");
    act(() => store.publish(announcement));
    const region = () => toasts() as HTMLElement;
    expect(within(region()).getByText("You earned 50 points.")).toBeTruthy();
    try {
      await act(() => activateLocale("fr"));
      expect(within(region()).getByText("Vous avez gagné 50 points.")).toBeTruthy();
      expect(within(region()).getByRole("button", { name: "Fermer" })).toBeTruthy();
      expect(within(region()).queryByText("You earned 50 points.")).toBeNull();
      // Told once, in English: rewording the polite region would say it again as news.
      expect(status().textContent).toBe("You earned 50 points.");
      expect(status().querySelector("p")?.lang).toBe("en");
      await act(() => activateLocale("en"));
      expect(within(region()).getByText("You earned 50 points.")).toBeTruthy();
    } finally {
      await act(() => activateLocale("en"));
    }
  });
});
