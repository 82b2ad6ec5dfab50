import type { BrandView } from "@portal/bff/brand/brand-page";
import { strings } from "../config/strings.ts";

// The program's name and logo, which the BFF writes into the page as JSON (apps/bff/src/brand/
// brand-page.ts): there from the first paint, for signed-out visitors too, with no request. Where
// the page has none (the dev server, tests), the portal's own name.

export type { BrandView };

const ELEMENT_ID = "portal-brand";
const FALLBACK: BrandView = { name: strings.appName, logo: null };

function isBrand(value: unknown): value is BrandView {
  if (typeof value !== "object" || value === null) return false;
  const { name, logo } = value as Partial<Record<keyof BrandView, unknown>>;
  return typeof name === "string" && name !== "" && (logo === null || typeof logo === "string");
}

export function readBrand(doc: Document = document): BrandView {
  const text = doc.getElementById(ELEMENT_ID)?.textContent;
  if (!text) return FALLBACK;
  try {
    const value: unknown = JSON.parse(text);
    return isBrand(value) ? value : FALLBACK;
  } catch {
    return FALLBACK;
  }
}

let cached: BrandView | null = null;

/** Read once: the page's brand does not change while it is open. */
export function brand(): BrandView {
  cached ??= readBrand();
  return cached;
}
