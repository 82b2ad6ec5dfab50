// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { meFixture, profileFixture } from "../../../testing/fixtures.ts";
import { testQueryClient } from "../../../testing/render.tsx";
import { type Me, memberKeys } from "../api/me-query.ts";
import { createAnnouncements } from "../lib/announcements.ts";
import { announcementText } from "../lib/profile-announcement.ts";
import { INITIAL_RETRY_MS, useProfileEvents } from "./use-profile-events.ts";

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data = "") {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

const latest = () => {
  const source = FakeEventSource.instances.at(-1);
  if (!source) throw new Error("no EventSource opened");
  return source;
};

function setup(enabled = true, onChange?: () => void) {
  const queryClient = testQueryClient();
  queryClient.setQueryData<Me | null>(memberKeys.me(), meFixture(null));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useProfileEvents(enabled, { onProfileChange: onChange }), { wrapper });
  return { queryClient, ...hook };
}

describe("useProfileEvents", () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal("EventSource", FakeEventSource);
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  test("writes each pushed profile into the /api/me cache, leaving the user alone", () => {
    const { queryClient } = setup();
    expect(latest().url).toBe("/api/me/events");
    const profile = profileFixture({ points: { total: 2000, redeemable: 10, tierScore: 1 } });
    latest().emit("profile", JSON.stringify(profile));
    const me = queryClient.getQueryData<Me | null>(memberKeys.me());
    expect(me?.profile).toEqual(profile);
    expect(me?.user.sub).toBe("ava");
  });

  test("calls onChange for a changed profile, not for the copy the stream sends first", () => {
    const onChange = vi.fn();
    const queryClient = testQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    queryClient.setQueryData<Me | null>(memberKeys.me(), meFixture());
    renderHook(() => useProfileEvents(true, { onProfileChange: onChange }), { wrapper });
    latest().emit("profile", JSON.stringify(profileFixture()));
    expect(onChange).not.toHaveBeenCalled();
    const later = "2026-11-24T10:00:00.000Z";
    latest().emit(
      "profile",
      JSON.stringify(profileFixture({ lastPush: { dateLastUpdated: later, receivedAt: later } })),
    );
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test.each([
    ["activities", '{"feed":"user_segmentation"}', "onActivities"],
    ["activities", '{"feed":null}', "onActivities"],
    ["history", '{"feed":"user_redemption"}', "onHistory"],
    ["history", '{"feed":null}', "onHistory"],
  ] as const)("an `%s` event (%s) calls %s and nothing else", (event, data, called) => {
    const handlers = { onProfileChange: vi.fn(), onActivities: vi.fn(), onHistory: vi.fn() };
    const queryClient = testQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    renderHook(() => useProfileEvents(true, handlers), { wrapper });
    latest().emit(event, data);
    for (const [name, handler] of Object.entries(handlers))
      expect(handler, name).toHaveBeenCalledTimes(name === called ? 1 : 0);
  });

  test("ignores data that is not a profile", () => {
    const { queryClient } = setup();
    latest().emit("profile", "not json");
    latest().emit("profile", JSON.stringify({ hello: "world" }));
    expect(queryClient.getQueryData<Me | null>(memberKeys.me())?.profile).toBeNull();
  });

  test("opens nothing while signed out", () => {
    setup(false);
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  test("backs off after errors instead of reconnecting at once, and resets after a good open", () => {
    setup();
    latest().emit("error");
    expect(latest().closed).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(INITIAL_RETRY_MS * 1.2);
    expect(FakeEventSource.instances).toHaveLength(2);
    latest().emit("error");
    // The second wait is twice the first: nothing within 1.5× the initial delay.
    vi.advanceTimersByTime(INITIAL_RETRY_MS * 1.5);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(INITIAL_RETRY_MS);
    expect(FakeEventSource.instances).toHaveLength(3);
    latest().emit("open");
    latest().emit("error");
    vi.advanceTimersByTime(INITIAL_RETRY_MS * 1.2);
    expect(FakeEventSource.instances).toHaveLength(4);
  });

  test("closes the stream and cancels a pending retry on unmount", () => {
    const { unmount } = setup();
    const first = latest();
    unmount();
    expect(first.closed).toBe(true);
    first.emit("error");
    vi.advanceTimersByTime(MAX_WAIT);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  test("announces a change that arrives live, never the copy the stream sends first", () => {
    const queryClient = testQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    queryClient.setQueryData<Me | null>(memberKeys.me(), meFixture());
    const store = createAnnouncements();
    renderHook(() => useProfileEvents(true, {}, store), { wrapper });
    latest().emit("profile", JSON.stringify(profileFixture()));
    expect(store.latest()).toBeNull();
    const later = "2026-11-24T10:00:00.000Z";
    const fixture = profileFixture();
    latest().emit(
      "profile",
      JSON.stringify({
        ...fixture,
        points: { ...fixture.points, total: 1400 },
        lastPush: { dateLastUpdated: later, receivedAt: later },
      }),
    );
    expect(store.shown().map(announcementText)).toEqual(["You earned 50 points."]);
  });

  test("the first profile of a member who had none announces nothing", () => {
    const store = createAnnouncements();
    const queryClient = testQueryClient();
    queryClient.setQueryData<Me | null>(memberKeys.me(), meFixture(null));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    renderHook(() => useProfileEvents(true, {}, store), { wrapper });
    latest().emit("profile", JSON.stringify(profileFixture()));
    expect(store.latest()).toBeNull();
    expect(store.shown()).toEqual([]);
  });
});

const MAX_WAIT = 10 * 60_000;
