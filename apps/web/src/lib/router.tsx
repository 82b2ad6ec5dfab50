import { type AnchorHTMLAttributes, type MouseEvent, type Ref, useEffect, useSyncExternalStore } from "react";

// A tiny history router: the app has a handful of pages, which does not justify a dependency.
// `navigate` pushes a history entry and asks the next page heading to take focus, so keyboard and
// screen-reader users land on the new page's title rather than on the link they left.

const listeners = new Set<() => void>();
let focusRequested = false;

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener("popstate", onPopState);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", onPopState);
  };
}

function onPopState() {
  focusRequested = true;
  notify();
}

export interface NavigateOptions {
  replace?: boolean;
  /** Move focus to the new page's heading (default true); filters that only change the query say false. */
  focus?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}) {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  if (options.focus !== false) {
    focusRequested = true;
    window.scrollTo?.(0, 0);
  }
  notify();
}

/** True once after a navigation: the page heading that mounts next takes focus. */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

export const usePathname = () => useSyncExternalStore(subscribe, () => window.location.pathname);
export const useSearch = () => useSyncExternalStore(subscribe, () => window.location.search);

export type Route =
  | { name: "home" }
  | { name: "activity"; id: string }
  | { name: "history" }
  | { name: "manage" }
  | { name: "signed-out" }
  | { name: "sign-in-failed" }
  | { name: "not-found" };

/**
 * An address segment as the page means it, or null for one that is no URL encoding ("%E0%A4%A",
 * typed or pasted by hand): a page with nothing there, never an exception that stops the app.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { name: "home" };
  // Where the identity provider and the BFF send the browser after signing out or a failed sign-in.
  if (pathname === "/signed-out") return { name: "signed-out" };
  if (pathname === "/sign-in-failed") return { name: "sign-in-failed" };
  if (pathname === "/history" || pathname === "/history/") return { name: "history" };
  const id = decodeSegment(/^\/activities\/([^/]+)\/?$/.exec(pathname)?.[1] ?? "");
  if (id) return { name: "activity", id };
  if (pathname === "/manage" || pathname.startsWith("/manage/")) return { name: "manage" };
  return { name: "not-found" };
}

/** The address of an activity's details page (what `matchRoute` reads back as `activity`). */
export const activityPath = (id: string) => `/activities/${encodeURIComponent(id)}`;

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  to: string;
  ref?: Ref<HTMLAnchorElement>;
};

/** An ordinary link (open in new tab, copy address all work) that navigates in place on a plain click. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...props} />;
}

/** Replaces the address with `to` once rendered, for a page that no longer applies (nothing of its own shows). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
