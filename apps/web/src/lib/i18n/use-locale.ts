import { useSyncExternalStore } from "react";
import { i18n } from "./i18n.ts";
import { type Locale, supportedLocale } from "./locales.ts";

const subscribe = (onChange: () => void) => i18n.on("change", onChange);
const current = () => supportedLocale(i18n.locale) ?? "en";

/**
 * The active language. The app's root reads it, so a change re-renders the whole tree and every
 * `t` call reads the new catalog (the macros read the one i18n instance, not a React context).
 */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, current, current);
}
