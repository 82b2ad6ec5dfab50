import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { strings } from "../../../config/strings.ts";
import {
  type Announcement,
  type Announcements,
  announcements as pageAnnouncements,
} from "../lib/announcements.ts";

// What live updates say: a polite screen-reader message, and a toast for everyone that takes no
// focus, hides by itself (not while pointed at or focused), can be dismissed, and is reachable from
// the keyboard (Tab at the end of the page, or Alt+T from anywhere). A new tier is celebrated with a
// burst that only moves for members who have not asked for reduced motion (index.css).

/** How long a toast stays; the same words stay on the tier card. */
export const TOAST_MS = { points: 6_000, tier: 10_000 } as const;

export function LiveAnnouncements({ store = pageAnnouncements }: { store?: Announcements }) {
  const shown = useSyncExternalStore(store.subscribe, store.shown);
  const latest = useSyncExternalStore(store.subscribe, store.latest);
  const regionRef = useRef<HTMLElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.altKey && event.code === "KeyT")) return;
      const button = regionRef.current?.querySelector<HTMLButtonElement>("button");
      if (!button) return;
      event.preventDefault();
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      button.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const dismiss = (id: number) => {
    // Focus never drops to nothing: it goes back where Alt+T took it from, or to the page's main.
    const hadFocus = regionRef.current?.contains(document.activeElement) ?? false;
    store.dismiss(id);
    if (hadFocus)
      (returnTo.current?.isConnected ? returnTo.current : document.getElementById("main"))?.focus();
  };

  return (
    <>
      <div role="status" aria-live="polite" className="sr-only">
        {latest && <p key={latest.id}>{latest.message}</p>}
      </div>
      {shown.length > 0 && (
        <section
          ref={regionRef}
          aria-label={strings.announce.region}
          className="pointer-events-none fixed inset-x-0 bottom-0 z-20 flex flex-col items-center gap-2 p-4 sm:items-end"
        >
          {shown.map((announcement) => (
            <Toast
              key={announcement.id}
              announcement={announcement}
              onDismiss={() => dismiss(announcement.id)}
            />
          ))}
        </section>
      )}
    </>
  );
}

function Toast({ announcement, onDismiss }: { announcement: Announcement; onDismiss: () => void }) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const paused = held.pointer || held.focus;
  const tierUp = announcement.kind === "tier-up";
  const onDismissRef = useRef(onDismiss);
  onDismissRef.current = onDismiss;
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismissRef.current(), tierUp ? TOAST_MS.tier : TOAST_MS.points);
    return () => clearTimeout(timer);
  }, [paused, tierUp]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointing at or focusing the toast only pauses its timer; nothing is activated
    <div
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
      <p className="flex-1 font-semibold">{announcement.message}</p>
      <button type="button" className="button-secondary shrink-0 text-sm" onClick={onDismiss}>
        {strings.announce.dismiss}
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
