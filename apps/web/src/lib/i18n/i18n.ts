import { i18n, type Messages } from "@lingui/core";
import { messages as en } from "../../locales/en.po";
import { setFormattingLocale } from "../format.ts";
import { formattingLocale, type Locale, supportedLocale } from "./locales.ts";

// The one i18n instance. Every macro (`t`, `msg`, `plural`) compiles to a call on it: lingui.config.ts
// names this module as their runtime, so English is active the moment anything can ask for a
// message. English ships in the first script; every other catalog is its own chunk, loaded when
// its language is chosen. A lazy area with words of its own (the manager area) brings its catalogs
// with it (`addCatalogs`): they are loaded before it renders, and again with every language chosen
// after that.

i18n.loadAndActivate({ locale: "en", messages: en });

type Catalog = () => Promise<{ messages: Messages }>;

const catalogs: Record<Exclude<Locale, "en">, Catalog> = {
  fr: () => import("../../locales/fr.po"),
};

/** An area's catalog in every language (each a chunk of its own). */
export type AreaCatalogs = Record<Locale, Catalog>;

/** The areas in use: their words are part of every language activated from now on. */
const areas = new Set<AreaCatalogs>();

async function areaMessages(locale: Locale): Promise<Messages> {
  const loaded = await Promise.all([...areas].map(async (area) => (await area[locale]()).messages));
  return Object.assign({}, ...loaded);
}

// Catalog changes happen one after the other: an area added while a language loads gets that
// language's words too, and a language activated while an area loads includes the area's.
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Adds an area's words to the language in force, and to every language chosen later. Resolves once
 * they are in place; the area renders after that (a message missing from the loaded catalogs would
 * show its id).
 */
export function addCatalogs(area: AreaCatalogs): Promise<void> {
  return inTurn(async () => {
    if (areas.has(area)) return;
    const locale = supportedLocale(i18n.locale) ?? "en";
    i18n.load(locale, (await area[locale]()).messages);
    areas.add(area);
  });
}

const browserLanguages = () => (typeof navigator === "undefined" ? [] : navigator.languages);

/**
 * Switches the portal to `locale`: catalog, the Intl formats for numbers and dates, `<html lang>`.
 * Resolves once the words are in place; rejects (staying in the current language) if the catalog
 * could not be loaded.
 */
export function activateLocale(locale: Locale): Promise<void> {
  return inTurn(async () => {
    const [own, extra] = await Promise.all([
      locale === "en" ? en : catalogs[locale]().then((catalog) => catalog.messages),
      areaMessages(locale),
    ]);
    const messages = areas.size === 0 ? own : { ...own, ...extra };
    const formatting = formattingLocale(locale, browserLanguages());
    // Formats first: the change event re-renders the app, which then reads both.
    setFormattingLocale(formatting);
    i18n.loadAndActivate({ locale, locales: [formatting], messages });
    if (typeof document !== "undefined") document.documentElement.lang = locale;
  });
}

export { i18n };
