import { type Locale, pickLocale, supportedLocale } from "./locales.ts";

// The language a member chose with the switcher, remembered in this browser. localStorage is what
// the app reads; the cookie carries the same choice to the BFF, so the page it serves before the
// app runs (index.html's frame, `<html lang>`) is in that language too. Without a choice the
// browser's languages decide, in the app and in the BFF alike.

const STORAGE_KEY = "portal.locale";
/** Read by the BFF (apps/bff/src/web-page-locale.ts); readable by scripts, it holds no secret. */
export const LOCALE_COOKIE = "__Host-portal.locale";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

// Storage can be blocked (reading throws), full or read-only in a private window (writing throws):
// the choice then lives in the cookie alone, and the switch still happens.
function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // the cookie below carries the choice
  }
}

/** The portal writes a bare language code; anything else in the cookie is no choice. */
function cookieChoice(cookies: string): Locale | null {
  for (const part of cookies.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && value) return supportedLocale(value);
  }
  return null;
}

/** The remembered choice, if any: localStorage first, then the cookie (storage may be blocked). */
export function chosenLocale(): Locale | null {
  const stored = readStored();
  return (stored ? supportedLocale(stored) : null) ?? cookieChoice(document.cookie);
}

export function rememberLocale(locale: Locale): void {
  store(locale);
  // `__Host-` pins it to this origin and path; SameSite=Lax so a link from the brand's site still
  // gets the chosen language on its first page.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the portal supports, and the value is one of the portal's language codes
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; Secure`;
}

/**
 * The language the app opens in: the remembered choice, else the browser's. A remembered choice is
 * written again, so the cookie the BFF reads lasts as long as the member keeps coming back and is
 * back if it expired or was cleared while storage kept the choice (the BFF would otherwise serve
 * the other language's page before the app runs).
 */
export function startingLocale(browserLanguages: readonly string[]): Locale {
  const chosen = chosenLocale();
  if (!chosen) return pickLocale(browserLanguages);
  rememberLocale(chosen);
  return chosen;
}
