import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { untranslatedWords } from "../../testing/untranslated-words.ts";

// Every word the portal shows goes through the catalog: a hard-coded English word in a component
// fails here, with its file and line.

const SRC = join(import.meta.dirname, "..", "..");

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : componentFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

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

  test("words inside the catalog's macros are the catalog's", () => {
    const source = `
      import { plural, t } from "@lingui/core/macro";
      export const B = ({ n }: { n: number }) => (
        <p aria-label={t\`Points\`}>{plural(n, { one: "# pt", other: "# pts" })}</p>
      );`;
    expect(untranslatedWords("b.tsx", source)).toEqual([]);
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
