import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { sentencesOutsideCatalog, untranslatedWords } from "../../testing/untranslated-words.ts";

// Every word the portal shows goes through the catalog: a hard-coded English word in a component
// fails here, with its file and line.

const SRC = join(import.meta.dirname, "..", "..");
const HAS_WORDS = /\p{L}{2,}/u;

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : componentFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

/** Every module of the app (tests and test helpers aside), components or not. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Declarations whose words are deliberately the same in every language. */
const NOT_WORDS_TO_TRANSLATE = new Set([
  // lib/i18n/locales.ts: each language named in its own words, as a language switcher lists them.
  "LOCALE_NAMES",
]);

describe("no words outside the catalog", () => {
  test("the scanner finds a hard-coded word wherever a person would read it", () => {
    const source = `
      import { t } from "@lingui/core/macro";
      export const A = ({ n, on }: { n: number; on: boolean }) => (
        <section aria-label="Rewards" title={on ? "Open" : t\`Closed\`}>
          <h2>Your points</h2>
          {on && "Welcome"}
          <p className="text-sm" data-kind="tier">{t\`Fine\`} · {n} ★</p>
          <img alt="" src="x.png" />
          {[1, 2].map((k) => <i key={k}>{k === 1 ? \`Item \${k}\` : null}</i>)}
        </section>
      );`;
    const found = untranslatedWords("a.tsx", source).map((word) => `${word.where}: ${word.text}`);
    expect(found.sort()).toEqual([
      "aria-label: Rewards",
      "expression: Item",
      "expression: Welcome",
      "text: Your points",
      "title: Open",
    ]);
  });

  test("nor can a word hide in a concatenation, a spread, a component's own prop or punctuation", () => {
    const source = `
      import { t } from "@lingui/core/macro";
      const Notice = (props: { heading: string; children?: string }) => <div>{props.heading}</div>;
      export const C = ({ n, term, wide }: { n: number; term: string; wide: boolean }) => (
        <section {...{ "aria-label": "Rewards" }} {...(wide && { title: "Wide view" })}>
          <p>{"Points: " + n}</p>
          <Notice heading="Nothing here" children="Come back later" />
          <dt className="font-medium" data-kind="tier" id="x" role="status">{term}:</dt>
          <dd>{t\`Fine\`}</dd>
        </section>
      );`;
    const found = untranslatedWords("c.tsx", source).map((word) => `${word.where}: ${word.text}`);
    expect(found.sort()).toEqual([
      "aria-label: Rewards",
      "children: Come back later",
      "expression: Points:",
      "heading: Nothing here",
      "text: :",
      "title: Wide view",
    ]);
  });

  test("a sentence in a constant of any module is found, wherever it is shown from", () => {
    const source = `
      export const EMPTY = "Nothing to show yet";
      export const HEADING = "Points";
      const codes = { enter_code: "enter_code" } as const;
      export const CLASS = "flex items-center gap-2";
      export const fail = () => { throw new Error("The BFF did not answer"); };
      export const NAMES = { en: "English", fr: "Français" };
    `;
    const found = sentencesOutsideCatalog("a.ts", source, new Set(["NAMES"])).map((word) => word.text);
    expect(found.sort()).toEqual(["Nothing to show yet", "Points"]);
  });

  test("words inside the catalog's macros are the catalog's", () => {
    const source = `
      import { plural, t } from "@lingui/core/macro";
      export const B = ({ n }: { n: number }) => (
        <p aria-label={t\`Points\`}>{plural(n, { one: "# pt", other: "# pts" })}</p>
      );`;
    expect(untranslatedWords("b.tsx", source)).toEqual([]);
  });

  test("no module holds a sentence outside the catalog", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      sentencesOutsideCatalog(file, readFileSync(file, "utf8"), NOT_WORDS_TO_TRANSLATE).map(
        (word) => `${relative(SRC, file)}:${word.line}: ${JSON.stringify(word.text)}`,
      ),
    );
    expect(found).toEqual([]);
  });

  test("the page the BFF serves before the app runs has words only from the catalog", () => {
    // index.html's words are `<!--i18n:ID-->` and `i18n:ID` (vite-page-locales.ts); a word written
    // there as it is (a <noscript> notice, a title) would be English on every language's page.
    const html = readFileSync(join(SRC, "..", "index.html"), "utf8")
      .replace(/<!--(?!i18n:)[\s\S]*?-->/g, "")
      .replace(/<script\b[\s\S]*?<\/script>/g, "");
    const texts = [...html.matchAll(/>([^<]+)</g)].map((match) => match[1]?.trim() ?? "");
    const attributes = [...html.matchAll(/\b(?:content|title|alt|aria-label|placeholder)="([^"]*)"/g)].map(
      (match) => match[1] ?? "",
    );
    const words = [...texts, ...attributes].filter(
      (text) => HAS_WORDS.test(text) && !/^(?:i18n:[\w.]+|width=device-width.*|light dark)$/.test(text),
    );
    expect(words).toEqual([]);
  });

  test("no component shows a word that bypasses the catalog", () => {
    const files = componentFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      untranslatedWords(file, readFileSync(file, "utf8")).map(
        (word) => `${relative(SRC, file)}:${word.line} ${word.where}: ${JSON.stringify(word.text)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
