// The languages the portal speaks, and how one is picked from a browser's list. The BFF picks the
// page it serves by the same rule (apps/bff/src/web-page-locale.ts), from the same cookie and the
// Accept-Language header the browser builds from the same list.

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = "en";

/**
 * Each language in its own words, as a switcher lists them: a reader looks for the name of their
 * own language, so these are deliberately the same in every catalog.
 */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** "fr-CA" → "fr"; a language the portal does not speak → null. */
export function supportedLocale(tag: string): Locale | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === base) ?? null;
}

/** The first language in the browser's list that the portal speaks; English when none is. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}

/**
 * The tag numbers and dates are written in: the browser's own variant of the language when it has
 * one ("fr-CA", "en-GB"), else the language itself.
 */
export function formattingLocale(locale: Locale, languages: readonly string[]): string {
  return languages.find((tag) => supportedLocale(tag) === locale) ?? locale;
}
