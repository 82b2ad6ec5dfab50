import { describe, expect, test } from "vitest";
import { LOCALE_COOKIE, pageLocale } from "./web-page-locale.ts";

const both = new Set(["en", "fr"]);

describe("the language of the page served before the app runs", () => {
  test.each([
    ["a French browser", undefined, "fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["a Canadian French browser", undefined, "fr-CA", "fr"],
    ["an English browser", undefined, "en-GB,en;q=0.9", "en"],
    ["a language the portal does not speak, then French", undefined, "de-DE,fr;q=0.5", "fr"],
    ["q-values decide, not the order", undefined, "en;q=0.4,fr;q=0.9", "fr"],
    ["a refused language is not picked", undefined, "fr;q=0,en;q=0.5", "en"],
    ["no header", undefined, undefined, "en"],
    ["the remembered choice wins over the browser", `${LOCALE_COOKIE}=en`, "fr-FR", "en"],
    ["the remembered choice among other cookies", `a=b; ${LOCALE_COOKIE}=fr`, "en-US", "fr"],
    ["a remembered language without a page is ignored", `${LOCALE_COOKIE}=de`, "fr", "fr"],
  ])("%s", (_case, cookie, acceptLanguage, locale) =>
    expect(pageLocale(cookie, acceptLanguage, both)).toBe(locale),
  );

  test("only languages with a page are picked", () =>
    expect(pageLocale(`${LOCALE_COOKIE}=fr`, "fr", new Set(["en"]))).toBe("en"));
});
