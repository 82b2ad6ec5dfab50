import { type Locale, supportedLocale } from "./locales.ts";

// The language a member chose with the switcher, remembered in this browser. localStorage is what
// the app reads; the cookie carries the same choice to the BFF, so the page it serves before the
// app runs (index.html's frame, `<html lang>`) is in that language too. Without a choice the
// browser's languages decide, in the app and in the BFF alike.

const STORAGE_KEY = "portal.locale";
/** Read by the BFF (apps/bff/src/web-page-locale.ts); readable by scripts, it holds no secret. */
export const LOCALE_COOKIE = "__Host-portal.locale";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked by the browser's settings: the choice lasts for this page only
  }
}

function cookieChoice(cookies: string): Locale | null {
  for (const part of cookies.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && value) return supportedLocale(decodeURIComponent(value));
  }
  return null;
}

/** The remembered choice, if any: localStorage first, then the cookie (storage may be blocked). */
export function chosenLocale(): Locale | null {
  const stored = storage()?.getItem(STORAGE_KEY);
  return (stored ? supportedLocale(stored) : null) ?? cookieChoice(document.cookie);
}

export function rememberLocale(locale: Locale): void {
  storage()?.setItem(STORAGE_KEY, locale);
  // `__Host-` pins it to this origin and path; SameSite=Lax so a link from the brand's site still
  // gets the chosen language on its first page.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the portal supports, and the value is one of the portal's language codes
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; Secure`;
}
