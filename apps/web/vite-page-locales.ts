import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatter } from "@lingui/format-po";
import type { Plugin } from "vite";

// index.html is the page the BFF serves before the app runs. Its few words come from the message
// catalogs like every other: the file holds `<!--i18n:ID-->` (text) and `i18n:ID` (an attribute's
// value) where ID is an explicit message id; `<html lang>` is set to the page's language. The build writes
// one page per language, dist/index.html (English) and dist/index.<locale>.html, each with a
// modulepreload of its own catalog chunk so the words arrive with the script; the BFF picks one per
// request (apps/bff/src/web-page-locale.ts). The dev server gets the English page.

const TOKEN = /<!--i18n:([\w.]+)-->|i18n:([\w.]+)/g;

type Words = Record<string, string>;

async function catalogWords(localesDir: string, locale: string, sourceLocale: string): Promise<Words> {
  const filename = join(localesDir, `${locale}.po`);
  const catalog = await formatter({ lineNumbers: false }).parse(readFileSync(filename, "utf8"), {
    locale,
    sourceLocale,
    filename,
  });
  const words: Words = {};
  for (const [id, entry] of Object.entries(catalog ?? {})) {
    const text = entry.translation || (locale === sourceLocale ? entry.message : undefined);
    if (text) words[id] = text;
  }
  return words;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fill(html: string, locale: string, words: Words): string {
  const page = html.replace(/<html lang="[^"]*"/, () => `<html lang="${locale}"`);
  return page.replace(TOKEN, (_match, textId: string | undefined, attrId: string | undefined) => {
    const id = textId ?? attrId ?? "";
    const text = words[id];
    if (text === undefined) throw new Error(`index.html: the ${locale} catalog has no message "${id}"`);
    return escapeHtml(text);
  });
}

const ENTRY_SCRIPT = '<script type="module" crossorigin';

/**
 * The app's script and its catalog do not block the page's first paint (a module script never
 * does; the page paints its frame without them), and say so: fetched at low priority, they leave
 * the first round trips to the style and the member's first answers (which the BFF preloads), and a
 * browser (or Lighthouse's model of one) does not hold the frame's paint for them. See ADR 0038.
 */
function lowPriorityScripts(html: string): string {
  if (!html.includes(ENTRY_SCRIPT)) throw new Error("portal-page-locales: index.html has no module script");
  return html.replace(ENTRY_SCRIPT, () => '<script type="module" fetchpriority="low" crossorigin');
}

export function pageLocales(options: {
  localesDir: string;
  locales: string[];
  sourceLocale: string;
}): Plugin {
  const { localesDir, locales, sourceLocale } = options;
  let serving = false;
  return {
    name: "portal-page-locales",
    enforce: "post",
    configResolved(config) {
      serving = config.command === "serve";
    },
    async transformIndexHtml(html) {
      // The build fills the tokens per language once the page is final (generateBundle below).
      return serving
        ? fill(html, sourceLocale, await catalogWords(localesDir, sourceLocale, sourceLocale))
        : html;
    },
    generateBundle: {
      order: "post",
      async handler(_options, bundle) {
        const page = bundle["index.html"];
        if (page?.type !== "asset") throw new Error("portal-page-locales: the build wrote no index.html");
        const template = lowPriorityScripts(String(page.source));
        for (const locale of locales) {
          const html = fill(template, locale, await catalogWords(localesDir, locale, sourceLocale));
          if (locale === sourceLocale) {
            page.source = html;
            continue;
          }
          // The portal's catalog, not an area's (locales/manager/fr.po loads with its area).
          const catalog = join(localesDir, `${locale}.po`);
          const chunk = Object.values(bundle).find(
            (item) => item.type === "chunk" && item.moduleIds.some((id) => id.split("?")[0] === catalog),
          );
          if (!chunk) throw new Error(`portal-page-locales: no chunk holds the ${locale} catalog`);
          const preload = `<link rel="modulepreload" fetchpriority="low" crossorigin href="/${chunk.fileName}">`;
          this.emitFile({
            type: "asset",
            fileName: `index.${locale}.html`,
            source: html.replace("</head>", () => `  ${preload}\n  </head>`),
          });
        }
      },
    },
  };
}
