// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { readBrand } from "./brand.ts";

// The brand the BFF writes into the page (apps/bff/src/brand/brand-page.ts), read back: a page whose
// JSON is missing, broken or odd gives no brand, or the program config's defaults, never a crash.

function page(json: string | null): Document {
  const doc = document.implementation.createHTMLDocument("x");
  if (json !== null) {
    const script = doc.createElement("script");
    script.type = "application/json";
    script.id = "portal-brand";
    script.textContent = json;
    doc.head.append(script);
  }
  return doc;
}

describe("readBrand", () => {
  test.each([
    [
      "name, logo and content language",
      '{"name":"Harbourside Rewards","logo":null,"contentLanguage":"fr-ca"}',
      { name: "Harbourside Rewards", logo: null, contentLanguage: "fr-CA" },
    ],
    [
      "a page written before the content language: English, the config's default",
      '{"name":"H","logo":"/brand/h.svg"}',
      { name: "H", logo: "/brand/h.svg", contentLanguage: "en" },
    ],
    [
      "a content language no browser takes",
      '{"name":"H","logo":null,"contentLanguage":"not a tag"}',
      { name: "H", logo: null, contentLanguage: "en" },
    ],
    [
      "a content language that is no string",
      '{"name":"H","logo":null,"contentLanguage":7}',
      {
        name: "H",
        logo: null,
        contentLanguage: "en",
      },
    ],
    ["no brand in the page", null, null],
    ["broken JSON", '{"name":', null],
    ["no name", '{"name":"","logo":null,"contentLanguage":"en"}', null],
  ])("%s", (_name, json, expected) => {
    expect(readBrand(page(json))).toEqual(expected);
  });
});
