// Which language's page of the app to serve (the web build writes index.html in English and
// index.<locale>.html for each other language; vite-page-locales.ts in apps/web). The same rule as
// the app's own (apps/web/src/lib/i18n): the member's remembered choice, which the app keeps in
// this cookie, else the first language of the browser's Accept-Language the portal speaks, else
// English. The page is only the frame before the app runs and `<html lang>`; the app then follows
// the same choice.

export const LOCALE_COOKIE = "__Host-portal.locale";
export const DEFAULT_LOCALE = "en";

const baseOf = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

function cookieLocale(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && value) return baseOf(value);
  }
  return null;
}

/** A weight as RFC 9110 §12.4.2 writes it: 0 to 1, at most three decimals; "q" in either case. */
const WEIGHT = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i;
const IS_WEIGHT = /^\s*q\s*=/i;

/**
 * The header's languages, most wanted first (q-values; ties keep their order; q=0 is a refusal). An
 * item whose weight is unreadable ("q=abc", "q=2") is skipped: taking it as q=1 would pick a
 * language the browser may have meant to refuse.
 */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((item, index) => {
      const [tag = "", ...params] = item.split(";");
      const weight = params.find((param) => IS_WEIGHT.test(param));
      const q = weight === undefined ? 1 : Number(WEIGHT.exec(weight)?.[1] ?? Number.NaN);
      return { tag: tag.trim(), q, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

export function pageLocale(
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
  available: ReadonlySet<string>,
): string {
  const chosen = cookieLocale(cookieHeader);
  if (chosen && available.has(chosen)) return chosen;
  for (const tag of acceptedLanguages(acceptLanguage)) {
    const base = baseOf(tag);
    if (available.has(base)) return base;
  }
  return DEFAULT_LOCALE;
}
