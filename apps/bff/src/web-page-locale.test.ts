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
    // The weight's name is case-insensitive (RFC 9110 §12.4.2): "Q=0" refuses as "q=0" does.
    ["a refusal written Q=0", undefined, "fr;Q=0,en;q=0.5", "en"],
    ["an uppercase tag", undefined, "FR-ca", "fr"],
    // A weight that is no weight makes the item unreadable: it is skipped, not taken as q=1.
    ["a weight that is not a number", undefined, "fr;q=abc,en;q=0.5", "en"],
    ["a weight above 1", undefined, "fr;q=2,en;q=0.5", "en"],
    ["a weight with two dots", undefined, "fr;q=0.5.1,en;q=0.1", "en"],
    ["a wildcard only", undefined, "*", "en"],
    ["an unknown language only", undefined, "tlh-Latn;q=0.9,x-pirate", "en"],
    ["garbage", undefined, ";;,,;q=,=,fr-;=", "fr"],
    ["a remembered value in capitals", `${LOCALE_COOKIE}=FR`, "en", "fr"],
    ["a remembered value that is no language", `${LOCALE_COOKIE}=%E0%A4%A`, "fr", "fr"],
  ])("%s", (_case, cookie, acceptLanguage, locale) =>
    expect(pageLocale(cookie, acceptLanguage, both)).toBe(locale),
  );

  test("a huge header is read in one pass and answers", () => {
    const header = `${Array.from({ length: 4000 }, (_, i) => `x${i};q=0.${i % 1000}`).join(",")},fr;q=0.001`;
    expect(pageLocale(undefined, header, both)).toBe("fr");
  });

  test("only languages with a page are picked", () =>
    expect(pageLocale(`${LOCALE_COOKIE}=fr`, "fr", new Set(["en"]))).toBe("en"));
});
