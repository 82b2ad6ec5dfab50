import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiPath } from "../../../lib/api-client.ts";
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
// `onProfileChange` runs when a pushed profile differs from the cached one (not for the copy the
// stream sends first on every connection): the app layer uses it to refetch what depends on the
// profile, such as the activities a tier jump unlocks, without this feature knowing about them. The
// same change is announced (lib/profile-announcement.ts): points earned, a new tier.
//
// The same stream says when the other Data Push feeds changed what the member sees: `activities` (a
// completion or a segment change: counts, caps, what is offered) and `history` (a completion or an
// order). Their data names the feed (`null` after a gap: everything); the handlers refetch whatever
// shows it. One stream per tab carries them all (the BFF allows a session a few streams only).

export const EVENTS_URL = apiPath((routes) => routes.api.me.events.$url());
export const INITIAL_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;

function isProfileView(value: unknown): value is MemberProfileView {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof MemberProfileView, unknown>>;
  return (
    typeof v.tier === "object" &&
    typeof v.points === "object" &&
    Array.isArray(v.history) &&
    typeof v.lastPush === "object"
  );
}

const sameVersion = (a: MemberProfileView | null | undefined, b: MemberProfileView) =>
  a?.lastPush.dateLastUpdated === b.lastPush.dateLastUpdated &&
  a.lastPush.receivedAt === b.lastPush.receivedAt;

export interface LiveHandlers {
  /** A pushed profile differs from the one shown. */
  onProfileChange?: (() => void) | undefined;
  /** The member's activities changed (a completion, a segment entered or left). */
  onActivities?: (() => void) | undefined;
  /** The member's points history changed (a completion, an order). */
  onHistory?: (() => void) | undefined;
}

export function useProfileEvents(
  enabled: boolean,
  handlers: LiveHandlers = {},
  announcements: Announcements = pageAnnouncements,
) {
  const queryClient = useQueryClient();
  // The latest handlers without reopening the stream when the caller passes new functions.
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
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
      handlersRef.current.onProfileChange?.();
      const announcement = profileAnnouncement(cached?.profile, profile);
      if (announcement) announcements.publish(announcement);
    };

    const open = () => {
      timer = null;
      source = new EventSource(EVENTS_URL);
      source.addEventListener("profile", onProfile);
      // The data only names the feed; whatever it was, what shows it is fetched again.
      source.addEventListener("activities", () => handlersRef.current.onActivities?.());
      source.addEventListener("history", () => handlersRef.current.onHistory?.());
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
