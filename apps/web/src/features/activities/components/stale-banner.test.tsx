// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { focusManager } from "@tanstack/react-query";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { activitiesBodyFixture } from "../../../testing/fixtures.ts";
import { deferred, renderWithClient, type StubAnswer, stubApi } from "../../../testing/render.tsx";
import { STALE_POLL_MS } from "../api/activities-query.ts";
import { ActivitiesSection } from "./activities-section.tsx";

// The stale banner as a member lives it: it goes by itself once the rewards service is back, and
// "Try again" always visibly does something. Time is faked; answers change from call to call.

const PATH = "/api/me/activities";
const STALE_TEXT = /^Showing your activities from/;
const STILL_STALE = "Still no answer from the rewards service. We'll keep checking every few seconds.";
const UP_TO_DATE = "Your activities are up to date.";

const fiveMinutesAgo = () => new Date(Date.now() - 5 * 60_000).toISOString();
const degraded = (): StubAnswer => ({
  status: 200,
  body: activitiesBodyFixture({ degraded: true, fetchedAt: fiveMinutesAgo() }),
});
const fresh = (): StubAnswer => ({ status: 200, body: activitiesBodyFixture() });

/**
 * The BFF as the test sets it: every call gets what it answers *now*. Counting on call order would
 * be fragile: TanStack may cancel a first load whose component suspended and ask again.
 */
function bff(initial: () => StubAnswer | Promise<StubAnswer>) {
  let answer = initial;
  const { calls } = stubApi({ [PATH]: () => answer() });
  return {
    calls,
    answers: (next: () => StubAnswer | Promise<StubAnswer>) => {
      answer = next;
    },
  };
}

function renderSection() {
  return renderWithClient(
    <QueryBoundary fallback={<p>loading</p>} errorTitle="We couldn't load your activities">
      <ActivitiesSection memberScore={350} />
    </QueryBoundary>,
  );
}

async function findBanner() {
  const heading = await screen.findByText(STALE_TEXT);
  const banner = heading.closest<HTMLElement>('[role="status"]');
  if (!banner) throw new Error("the stale banner is not a live region");
  return banner;
}

const bannerGone = () => waitFor(() => expect(screen.queryByText(STALE_TEXT)).toBeNull());
/** The one live region left once the banner has gone. */
const announcement = () => screen.getByRole("status").textContent;
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  focusManager.setFocused(undefined);
});

describe("the stale banner goes by itself", () => {
  test("asks again every few seconds while the answer is degraded, and stops once it is fresh", async () => {
    const { calls, answers } = bff(degraded);
    renderSection();
    await findBanner();
    const loaded = calls.length;

    await wait(STALE_POLL_MS);
    expect(calls.length).toBe(loaded + 1);
    expect(screen.getByText(STALE_TEXT)).toBeTruthy();

    answers(fresh);
    await wait(STALE_POLL_MS);
    await bannerGone();
    expect(calls.length).toBe(loaded + 2);
    expect(announcement()).toBe(UP_TO_DATE);
    expect(screen.getAllByRole("article")).toHaveLength(6);

    await wait(5 * STALE_POLL_MS);
    expect(calls.length).toBe(loaded + 2);
  });

  test("fresh data is not polled", async () => {
    const { calls } = bff(fresh);
    renderSection();
    await screen.findByText("6 of 7 activities");
    const loaded = calls.length;
    await wait(5 * STALE_POLL_MS);
    expect(calls.length).toBe(loaded);
    expect(announcement()).toBe("");
  });

  test("a hidden tab does not poll; shown again, it carries on", async () => {
    const { calls, answers } = bff(degraded);
    renderSection();
    await findBanner();
    const loaded = calls.length;
    act(() => focusManager.setFocused(false));
    answers(fresh);
    await wait(5 * STALE_POLL_MS);
    expect(calls.length).toBe(loaded);
    expect(screen.getByText(STALE_TEXT)).toBeTruthy();

    act(() => focusManager.setFocused(true));
    await wait(STALE_POLL_MS);
    await bannerGone();
    expect(calls.length).toBe(loaded + 1);
  });

  test("a refresh that fails shows the last data with the banner and keeps asking: fail, fail, recover", async () => {
    const unavailable = (): StubAnswer => ({
      status: 503,
      body: {
        error: {
          code: "timeout",
          message: "The portal took too long to answer. Please try again.",
          requestId: "r",
        },
      },
    });
    const { calls, answers } = bff(fresh);
    const { queryClient } = renderSection();
    await screen.findByText("6 of 7 activities");
    expect(screen.queryByText(STALE_TEXT)).toBeNull();

    answers(unavailable);
    await act(() => queryClient.refetchQueries());
    const banner = await findBanner();
    expect(banner.textContent).toContain("This is taking longer than it should.");
    expect(screen.getAllByRole("article")).toHaveLength(6);
    const failedOnce = calls.length;

    await wait(STALE_POLL_MS);
    expect(calls.length).toBe(failedOnce + 1);
    expect(screen.getByText(STALE_TEXT)).toBeTruthy();

    answers(fresh);
    await wait(STALE_POLL_MS);
    await bannerGone();
    expect(calls.length).toBe(failedOnce + 2);
    expect(announcement()).toBe(UP_TO_DATE);
  });

  test("a session that ended during a refresh is not polled (asking again answers the same)", async () => {
    const signedOut = (): StubAnswer => ({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "r" } },
    });
    const { calls, answers } = bff(fresh);
    const { queryClient } = renderSection();
    await screen.findByText("6 of 7 activities");
    answers(signedOut);
    await act(() => queryClient.refetchQueries());
    const refused = calls.length;
    await wait(5 * STALE_POLL_MS);
    expect(calls.length).toBe(refused);
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
  });
});

describe("Try again", () => {
  test("is busy while it checks, ignores a second click, and says what it found", async () => {
    const { calls, answers } = bff(degraded);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const banner = await findBanner();
    const loaded = calls.length;

    let next = deferred<StubAnswer>();
    answers(() => next.promise);
    await user.click(within(banner).getByRole("button", { name: "Try again" }));
    const busy = within(banner).getByRole("button", { name: "Checking…" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    expect(calls.length).toBe(loaded + 1);

    next.resolve(degraded());
    expect(await within(banner).findByText(STILL_STALE)).toBeTruthy();
    const again = within(banner).getByRole("button", { name: "Try again" });
    expect(again.getAttribute("aria-busy")).toBe("false");
    expect(again.getAttribute("aria-disabled")).toBe("false");
    // The button kept focus through the check: a keyboard user is where they were.
    expect(document.activeElement).toBe(again);

    next = deferred<StubAnswer>();
    await user.click(again);
    // The old finding goes while the new check runs, so the next one is announced as new.
    expect(within(banner).queryByText(STILL_STALE)).toBeNull();
    next.resolve(fresh());
    await bannerGone();
    expect(announcement()).toBe(UP_TO_DATE);
    expect(calls.length).toBe(loaded + 2);
  });

  test("when the portal itself cannot be reached, it says so and keeps what the member had", async () => {
    const { answers } = bff(degraded);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const banner = await findBanner();
    answers(() => {
      throw new TypeError("Failed to fetch");
    });
    await user.click(within(banner).getByRole("button", { name: "Try again" }));
    expect(
      await within(banner).findByText(
        "We couldn't reach the portal to check. We'll keep trying every few seconds.",
      ),
    ).toBeTruthy();
    expect(banner.textContent).toContain("We couldn't reach the portal. Check your connection");
    expect(screen.getAllByRole("article")).toHaveLength(6);
    expect(within(banner).getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
