import { i18n } from "#i18n";
import { announcementText, type ProfileAnnouncement } from "./profile-announcement.ts";

// The announcements on screen, as a small external store: the live-update hook publishes into it and
// the toasts (components/live-announcements.tsx) read it through useSyncExternalStore, so neither
// knows where the other sits in the tree. Nothing here is server state: it is what the page said.

export interface Announcement extends ProfileAnnouncement {
  id: number;
  /**
   * What the screen reader was told, in the language of that moment (`saidIn`): the polite region
   * keeps it as said, since rewording it on a language switch would have it said again as news.
   * Toasts word `messages` in the language active when they render.
   */
  said: string;
  saidIn: string;
}

/** More than this on screen at once and the oldest goes, unless it is held (focus or pointer on it). */
const MAX_SHOWN = 3;

export function createAnnouncements() {
  let shown: readonly Announcement[] = [];
  let latest: Announcement | null = null;
  let nextId = 1;
  /** The toasts with focus or the pointer on them: never taken away under the member. */
  const held = new Set<number>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    publish(announcement: ProfileAnnouncement) {
      latest = { ...announcement, id: nextId++, said: announcementText(announcement), saidIn: i18n.locale };
      shown = [...shown, latest];
      // The oldest one not held goes; with every older one held, one more stays for a while.
      while (shown.length > MAX_SHOWN) {
        const oldest = shown.slice(0, -1).find((a) => !held.has(a.id));
        if (!oldest) break;
        shown = shown.filter((a) => a !== oldest);
      }
      emit();
    },
    dismiss(id: number) {
      held.delete(id);
      shown = shown.filter((a) => a.id !== id);
      emit();
    },
    /** Whether a toast has focus or the pointer on it (it then outlives newer ones). */
    hold(id: number, isHeld: boolean) {
      if (isHeld) held.add(id);
      else held.delete(id);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The toasts on screen, oldest first (a new array only when it changes). */
    shown: () => shown,
    /** The last one said, for the screen-reader message; it outlives its toast. */
    latest: () => latest,
  };
}

export type Announcements = ReturnType<typeof createAnnouncements>;

/** The page's one store. */
export const announcements = createAnnouncements();
