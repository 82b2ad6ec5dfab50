import { t } from "@lingui/core/macro";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useLocale } from "../../../lib/i18n/use-locale.ts";
import {
  type Announcement,
  type Announcements,
  announcements as pageAnnouncements,
} from "../lib/announcements.ts";
import { announcementText } from "../lib/profile-announcement.ts";

// What live updates say: a polite screen-reader message, and a toast for everyone that takes no
// focus, hides by itself (not while pointed at or focused, and is then never pushed out by newer
// ones), can be dismissed, and is reachable from the keyboard (Tab at the end of the page, or Alt+T
// from anywhere but a text field). A new tier is celebrated with a
// burst that only moves for members who have not asked for reduced motion (index.css). A toast is
// worded in the language active now (a switch rewords the toasts on screen); the screen-reader
// message stays as it was said, in its language, so a switch does not say it again as news.

/** How long a toast stays; the same words stay on the tier card. */
export const TOAST_MS = { points: 6_000, tier: 10_000 } as const;

/** Where typing an Alt+T (Option+T: `†` on a Mac) means a character, not a shortcut. */
const isEditable = (target: EventTarget | null) =>
  target instanceof Element &&
  (target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") !== null ||
    (target instanceof HTMLElement && target.isContentEditable));

export function LiveAnnouncements({ store = pageAnnouncements }: { store?: Announcements }) {
  // Read here too, so the toasts follow a language switch wherever this sits in the tree.
  useLocale();
  const shown = useSyncExternalStore(store.subscribe, store.shown);
  const latest = useSyncExternalStore(store.subscribe, store.latest);
  const regionRef = useRef<HTMLElement>(null);
  /** Where focus was before it entered the toasts (Alt+T or Tab); used once, on dismiss. */
  const returnTo = useRef<HTMLElement | null>(null);
  const descriptionId = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Only Alt+T itself: Ctrl+Alt is AltGr on many keyboards (a character), and Shift, Meta or an
      // input method mean something else; in a text field Alt+T types.
      if (!(event.altKey && event.code === "KeyT")) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
      if (isEditable(event.target)) return;
      const button = regionRef.current?.querySelector<HTMLButtonElement>("button");
      if (!button) return;
      event.preventDefault();
      const from = document.activeElement;
      button.focus();
      // As the region's onFocus would from relatedTarget; said here too, for browsers that leave it out.
      if (!regionRef.current?.contains(from))
        returnTo.current = from instanceof HTMLElement && from !== document.body ? from : null;
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const dismiss = (id: number, hadFocus: boolean) => {
    store.dismiss(id);
    // Focus never drops to nothing: it goes back where it came into the toasts from, or to the main.
    if (hadFocus) {
      const target = returnTo.current?.isConnected ? returnTo.current : document.getElementById("main");
      returnTo.current = null;
      target?.focus();
    }
  };

  return (
    <>
      <div role="status" aria-live="polite" className="sr-only">
        {latest && (
          <p key={latest.id} lang={latest.saidIn}>
            {latest.said}
          </p>
        )}
      </div>
      {shown.length > 0 && (
        <section
          ref={regionRef}
          aria-label={t`Notifications`}
          aria-describedby={descriptionId}
          aria-keyshortcuts="Alt+T"
          onFocus={(event) => {
            // Focus coming in from the page (Tab, Alt+T): remember where from. Moves between toasts
            // keep what was remembered.
            if (event.currentTarget.contains(event.relatedTarget)) return;
            returnTo.current = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
          }}
          className="pointer-events-none fixed inset-x-0 bottom-0 z-20 flex flex-col items-center gap-2 p-4 sm:items-end"
        >
          <p id={descriptionId} className="sr-only">
            {t`Alt+T moves here from anywhere on the page.`}
          </p>
          {shown.map((announcement) => (
            <Toast
              key={announcement.id}
              announcement={announcement}
              onHold={(isHeld) => store.hold(announcement.id, isHeld)}
              onDismiss={(hadFocus) => dismiss(announcement.id, hadFocus)}
            />
          ))}
        </section>
      )}
    </>
  );
}

function Toast({
  announcement,
  onHold,
  onDismiss,
}: {
  announcement: Announcement;
  /** Told whether focus or the pointer is on the toast, so newer toasts do not push it away. */
  onHold: (isHeld: boolean) => void;
  /** `hadFocus`: whether focus was inside this toast, which is about to go. */
  onDismiss: (hadFocus: boolean) => void;
}) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const paused = held.pointer || held.focus;
  const tierUp = announcement.kind === "tier-up";
  const toastRef = useRef<HTMLDivElement>(null);
  const dismissHere = () => onDismiss(toastRef.current?.contains(document.activeElement) ?? false);
  const dismissRef = useRef(dismissHere);
  dismissRef.current = dismissHere;
  const onHoldRef = useRef(onHold);
  onHoldRef.current = onHold;
  useEffect(() => {
    onHoldRef.current(paused);
    if (paused) return;
    const timer = setTimeout(() => dismissRef.current(), tierUp ? TOAST_MS.tier : TOAST_MS.points);
    return () => clearTimeout(timer);
  }, [paused, tierUp]);
  useEffect(() => () => onHoldRef.current(false), []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointing at or focusing the toast only pauses its timer; nothing is activated
    <div
      ref={toastRef}
      data-kind={announcement.kind}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld((h) => ({ ...h, focus: false }));
      }}
      className="pointer-events-auto flex w-full max-w-sm items-center gap-3 rounded-xl border border-gray-200 bg-white p-4 text-gray-900 shadow-lg dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
    >
      {tierUp && <Celebration />}
      <p className="flex-1 font-semibold">{announcementText(announcement)}</p>
      <button type="button" className="button-secondary shrink-0 text-sm" onClick={dismissHere}>
        {t`Dismiss`}
      </button>
    </div>
  );
}

/** A still star badge; with motion allowed, sparks burst out of it once. */
function Celebration() {
  return (
    <span
      aria-hidden="true"
      data-celebration
      className="relative grid size-10 shrink-0 place-items-center rounded-full bg-accent text-xl text-on-accent"
    >
      ★
      <span className="absolute inset-0 grid place-items-center">
        {Array.from({ length: 8 }, (_, i) => (
          <span key={i} className="celebration-spark absolute size-1.5 rounded-full bg-primary" />
        ))}
      </span>
    </span>
  );
}
