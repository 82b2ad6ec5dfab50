import type { BrandView } from "@portal/bff/brand/brand-page";
import { i18n } from "#i18n";
import { pageMessages } from "./i18n/page-messages.ts";

// The program's name and logo, which the BFF writes into the page as JSON (apps/bff/src/brand/
// brand-page.ts): there from the first paint, for signed-out visitors too, with no request. Where
// the page has none (the dev server, tests), the portal's own name in the portal's language.

export type { BrandView };

const ELEMENT_ID = "portal-brand";

function isBrand(value: unknown): value is BrandView {
  if (typeof value !== "object" || value === null) return false;
  const { name, logo } = value as Partial<Record<keyof BrandView, unknown>>;
  return typeof name === "string" && name !== "" && (logo === null || typeof logo === "string");
}

/** The page's brand, or null when it has none. */
export function readBrand(doc: Document = document): BrandView | null {
  const text = doc.getElementById(ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isBrand(value) ? value : null;
  } catch {
    return null;
  }
}

let cached: { brand: BrandView | null } | null = null;

/** Read once: the page's brand does not change while it is open (the fallback's language may). */
export function brand(): BrandView {
  cached ??= { brand: readBrand() };
  return cached.brand ?? { name: i18n._(pageMessages.appName), logo: null };
}
