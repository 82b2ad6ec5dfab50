import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { type Me, type MemberProfileView, memberKeys } from "../api/me-query.ts";
import { type Announcements, announcements as pageAnnouncements } from "../lib/announcements.ts";
import { profileAnnouncement } from "../lib/profile-announcement.ts";

// Live profile updates over Server-Sent Events. Each `profile` event replaces the profile in the
// `/api/me` cache, so every component reading it re-renders; nothing is copied into React state.
//
// The browser's own EventSource retry is not used: on any error the stream is closed and reopened
// with exponential backoff (capped), so a missing endpoint (404) or a down BFF costs a request every
// few minutes at most, never a tight loop. A successful open resets the delay.
//
// `onChange` runs when a pushed profile differs from the cached one (not for the copy the stream
// sends first on every connection): the app layer uses it to refetch what depends on the profile,
// such as the activities a tier jump unlocks, without this feature knowing about them. The same
// change is announced (lib/profile-announcement.ts): points earned, a new tier.

export const EVENTS_URL = "/api/me/events";
export const INITIAL_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;

function isProfileView(value: unknown): value is MemberProfileView {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof MemberProfileView, unknown>>;
  return typeof v.tier === "object" && typeof v.points === "object" && Array.isArray(v.history);
}

const sameVersion = (a: MemberProfileView | null | undefined, b: MemberProfileView) =>
  a?.freshness.dateLastUpdated === b.freshness.dateLastUpdated &&
  a.freshness.receivedAt === b.freshness.receivedAt;

export function useProfileEvents(
  enabled: boolean,
  onChange?: () => void,
  announcements: Announcements = pageAnnouncements,
) {
  const queryClient = useQueryClient();
  // The latest callback without reopening the stream when the caller passes a new function.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let delay = INITIAL_RETRY_MS;
    let stopped = false;

    const onProfile = (event: MessageEvent<string>) => {
      let profile: unknown;
      try {
        profile = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!isProfileView(profile)) return;
      const cached = queryClient.getQueryData<Me | null>(memberKeys.me());
      const changed = !sameVersion(cached?.profile, profile);
      queryClient.setQueryData<Me | null>(memberKeys.me(), (old) => (old ? { ...old, profile } : old));
      if (!changed) return;
      onChangeRef.current?.();
      const announcement = profileAnnouncement(cached?.profile, profile);
      if (announcement) announcements.publish(announcement);
    };

    const open = () => {
      timer = null;
      source = new EventSource(EVENTS_URL);
      source.addEventListener("profile", onProfile);
      source.addEventListener("open", () => {
        delay = INITIAL_RETRY_MS;
      });
      source.addEventListener("error", () => {
        source?.close();
        source = null;
        if (stopped) return;
        // ±20 % jitter so many tabs that lost the server together do not come back together.
        const wait = delay * (0.8 + Math.random() * 0.4);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        timer = setTimeout(open, wait);
      });
    };

    open();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      source?.close();
    };
  }, [enabled, queryClient, announcements]);
}
