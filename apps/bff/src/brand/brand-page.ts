import { createHash } from "node:crypto";
import type { BrandPalette, ProgramConfig } from "../program-config.ts";
import { contrastRatio, mix } from "./contrast.ts";

// The brand reaches the page inside its HTML, written once at start: the title, the header the page
// paints before its script runs, the colours as CSS custom properties, and the name and logo for the
// app. No request, no flash of the portal's own colours, the same for signed-out visitors
// (docs/decisions/0024-the-brand-in-the-page.md). The tiers' benefits travel with /api/me.

/** What the web app reads from `<script type="application/json" id="portal-brand">`. */
export interface BrandView {
  name: string;
  /** An https URL or a path on the portal's origin; `null` when the program has none. */
  logo: string | null;
  /**
   * The language the brand writes in (program config `contentLanguage`, a BCP 47 tag): the `lang` of
   * its words on a page in another language (ADR 0041).
   */
  contentLanguage: string;
}

/** The primary language of a tag, in lower case: "en" for "en-GB". */
export const primaryLanguage = (tag: string) => tag.split("-")[0]?.toLowerCase() ?? "";

export const BRAND_ELEMENT_ID = "portal-brand";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot end the script element it sits in. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

/**
 * The hover shade of `primary`: 15 % further from its text colour, so the text keeps (at least) its
 * contrast on hover.
 */
function hoverOf(palette: BrandPalette): string {
  const darker = mix(palette.primary, "#000000", 0.15);
  const lighter = mix(palette.primary, "#ffffff", 0.15);
  return contrastRatio(darker, palette.onPrimary) >= contrastRatio(lighter, palette.onPrimary)
    ? darker
    : lighter;
}

const tokens = (palette: BrandPalette) =>
  [
    `--color-primary:${palette.primary}`,
    `--color-primary-hover:${hoverOf(palette)}`,
    `--color-on-primary:${palette.onPrimary}`,
    `--color-accent:${palette.accent}`,
    `--color-on-accent:${palette.onAccent}`,
  ].join(";");

/** The brand's tokens; unlayered, so they win over the defaults in the app's `@theme`. */
export function brandCss(colors: ProgramConfig["colors"]): string {
  return `:root{${tokens(colors.light)}}@media (prefers-color-scheme: dark){:root{${tokens(colors.dark)}}}`;
}

/** The header's name (and logo), as layout.tsx renders it: the name in its own language. */
function headerContent(brand: BrandView, pageLanguage: string | null): string {
  const logo = brand.logo ? `<img src="${escapeHtml(brand.logo)}" alt="" class="h-8 w-auto shrink-0" />` : "";
  const lang =
    pageLanguage !== null && primaryLanguage(pageLanguage) !== primaryLanguage(brand.contentLanguage)
      ? ` lang="${escapeHtml(brand.contentLanguage)}"`
      : "";
  return `${logo}<span${lang}>${escapeHtml(brand.name)}</span>`;
}

/** The language the page is written in, from its `<html lang>`. */
const PAGE_LANGUAGE = /<html[^>]*\slang="([^"]+)"/;

const NAME_SLOT = /<!--brand:name-->[\s\S]*?<!--\/brand:name-->/;
/** The build's icon: none (apps/web/index.html), so the browser asks for no /favicon.ico. */
const EMPTY_ICON = /<link rel="icon" href="data:," ?\/?>/;

/**
 * The built index.html with the program's brand in it, and the CSP source that lets its one inline
 * style apply (`style-src` allows nothing else inline).
 */
export function brandedPage(
  html: string,
  config: Pick<ProgramConfig, "name" | "logo" | "colors" | "contentLanguage">,
) {
  const brand: BrandView = { name: config.name, logo: config.logo, contentLanguage: config.contentLanguage };
  const css = brandCss(config.colors);
  const styleHash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  const head = `<style>${css}</style><script type="application/json" id="${BRAND_ELEMENT_ID}">${scriptJson(brand)}</script>`;
  const title = `<title>${escapeHtml(brand.name)}</title>`;
  // A page without the marker would paint the portal's own name before the app runs: refuse it at
  // start rather than serve it.
  if (!NAME_SLOT.test(html)) {
    throw new Error(
      "the web app's index.html has no <!--brand:name-->…<!--/brand:name--> marker for the program's name; rebuild apps/web",
    );
  }
  // Function replacements throughout: a replacement string would read the `$&`, `$'` or `$$` of a
  // name or logo as patterns.
  const header = headerContent(brand, PAGE_LANGUAGE.exec(html)?.[1] ?? null);
  // Into the head; a page written without one (HTML allows that) gets them after its title.
  const page = html
    .replace(/<title>[^<]*<\/title>/, () => (html.includes("</head>") ? title : `${title}${head}`))
    .replace(NAME_SLOT, () => header)
    // The program's logo as the page's icon, in place of the build's empty one.
    .replace(EMPTY_ICON, (empty) =>
      brand.logo ? `<link rel="icon" href="${escapeHtml(brand.logo)}" />` : empty,
    )
    .replace("</head>", () => `${head}</head>`);
  return { html: page, styleHash };
}
