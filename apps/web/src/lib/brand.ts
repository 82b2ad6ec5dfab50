import type { BrandView } from "@portal/bff/brand/brand-page";
import { i18n } from "#i18n";
import { pageMessages } from "./i18n/page-messages.ts";

// The program's name, logo and content language, which the BFF writes into the page as JSON
// (apps/bff/src/brand/brand-page.ts): there from the first paint, for signed-out visitors too, with
// no request. Where the page has none (the dev server, tests), the portal's own name in the portal's
// language, and English as the brand's.

export type { BrandView };

const ELEMENT_ID = "portal-brand";
/** The brand's language when the page does not say (program config's default). */
const DEFAULT_CONTENT_LANGUAGE = "en";

/** A language tag the browser can use, canonical; `null` for anything else. */
function languageTag(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const [tag, ...more] = Intl.getCanonicalLocales(value);
    return tag && more.length === 0 ? tag : null;
  } catch {
    return null;
  }
}

function isBrand(
  value: unknown,
): value is Omit<BrandView, "contentLanguage"> & { contentLanguage?: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const { name, logo } = value as Partial<Record<keyof BrandView, unknown>>;
  return typeof name === "string" && name !== "" && (logo === null || typeof logo === "string");
}

/** The page's brand, or null when it has none. */
export function readBrand(doc: Document | undefined = globalThis.document): BrandView | null {
  const text = doc?.getElementById(ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!isBrand(value)) return null;
    // A page written before the field, or a tag no browser takes: the program config's default.
    const contentLanguage = languageTag(value.contentLanguage) ?? DEFAULT_CONTENT_LANGUAGE;
    return { name: value.name, logo: value.logo, contentLanguage };
  } catch {
    return null;
  }
}

let cached: { brand: BrandView | null } | null = null;
const pageBrand = () => {
  cached ??= { brand: readBrand() };
  return cached.brand;
};

/** Read once: the page's brand does not change while it is open (the fallback's language may). */
export function brand(): BrandView {
  return (
    pageBrand() ?? {
      name: i18n._(pageMessages.appName),
      logo: null,
      contentLanguage: DEFAULT_CONTENT_LANGUAGE,
    }
  );
}

const primaryLanguage = (tag: string) => tag.split("-")[0]?.toLowerCase() ?? "";

/**
 * The `lang` of words the brand wrote (activity titles and descriptions, reward and tier names, tier
 * benefits, its name) on the page in the language active now: the program's content language when
 * the page speaks another, else nothing, so they inherit `<html lang>`. Words CrowdTwist translated
 * for the member, and the portal's own, take none.
 */
export function brandLang(): string | undefined {
  const content = brand().contentLanguage;
  return primaryLanguage(content) === primaryLanguage(i18n.locale) ? undefined : content;
}

/** The `lang` of the name in the header: the brand's, unless the page has none (the portal's own name). */
export const brandNameLang = (): string | undefined => (pageBrand() ? brandLang() : undefined);
