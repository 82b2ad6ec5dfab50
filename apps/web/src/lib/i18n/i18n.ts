import { i18n, type Messages } from "@lingui/core";
import { messages as en } from "../../locales/en.po";
import { setFormattingLocale } from "../format.ts";
import { formattingLocale, type Locale } from "./locales.ts";

// The one i18n instance. Every macro (`t`, `msg`, `plural`) compiles to a call on it: lingui.config.ts
// names this module as their runtime, so English is active the moment anything can ask for a
// message. English ships in the first script; every other catalog is its own chunk, loaded when
// its language is chosen.

i18n.loadAndActivate({ locale: "en", messages: en });

const catalogs: Record<Exclude<Locale, "en">, () => Promise<{ messages: Messages }>> = {
  fr: () => import("../../locales/fr.po"),
};

const browserLanguages = () => (typeof navigator === "undefined" ? [] : navigator.languages);

/**
 * Switches the portal to `locale`: catalog, the Intl formats for numbers and dates, `<html lang>`.
 * Resolves once the words are in place; rejects (staying in the current language) if the catalog
 * could not be loaded.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  const messages = locale === "en" ? en : (await catalogs[locale]()).messages;
  const formatting = formattingLocale(locale, browserLanguages());
  // Formats first: the change event re-renders the app, which then reads both.
  setFormattingLocale(formatting);
  i18n.loadAndActivate({ locale, locales: [formatting], messages });
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export { i18n };
