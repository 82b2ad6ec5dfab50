import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatter } from "@lingui/format-po";
import { type CompiledMessage, compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import { describe, expect, test } from "vitest";
import { LOCALES, SOURCE_LOCALE } from "./locales.ts";

// The catalogs: English is what extraction writes from the code (nothing added by hand), and every
// other language has every message, with the same placeholders (a translation that drops or renames
// one would show a hole or the raw name), in good typography.

const WEB = join(import.meta.dirname, "..", "..", "..");
const localesDir = join(WEB, "src", "locales");

/** The portal's catalogs and the manager area's (lingui.config.ts). */
const CATALOG_DIRS = [localesDir, join(localesDir, "manager")];

async function catalog(locale: string, dir = localesDir) {
  const filename = join(dir, `${locale}.po`);
  const parsed = await formatter({ lineNumbers: false }).parse(readFileSync(filename, "utf8"), {
    locale,
    sourceLocale: SOURCE_LOCALE,
    filename,
  });
  const texts = new Map<string, string>();
  for (const [id, entry] of Object.entries(parsed ?? {})) {
    if (!entry.obsolete)
      texts.set(id, entry.translation || (locale === SOURCE_LOCALE ? (entry.message ?? "") : ""));
  }
  return texts;
}

/** "count:plural", "tier", "day": each placeholder with its kind, nested choices included. */
function placeholders(message: CompiledMessage, into = new Set<string>()): Set<string> {
  for (const token of message) {
    if (typeof token === "string") continue;
    const [name, kind, format] = token;
    into.add(kind ? `${name}:${kind}` : name);
    if (format && typeof format === "object" && !Array.isArray(format)) {
      for (const [key, choice] of Object.entries(format))
        if (key !== "offset") placeholders(choice as CompiledMessage, into);
    }
  }
  return into;
}

describe("message catalogs", () => {
  test("the English catalog is what extraction from the code writes", () => {
    const cli = join(WEB, "node_modules", "@lingui", "cli", "dist", "lingui.js");
    const check = spawnSync(process.execPath, [cli, "check", "sync"], {
      cwd: WEB,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(`${check.stdout}${check.stderr}`).toContain("PASS sync");
    expect(check.status).toBe(0);
  });

  test.each(
    LOCALES.filter((locale) => locale !== SOURCE_LOCALE).flatMap((locale) =>
      CATALOG_DIRS.map((dir) => [locale, dir] as const),
    ),
  )("%s has every message, with the same placeholders (%s)", async (locale, dir) => {
    const source = await catalog(SOURCE_LOCALE, dir);
    const target = await catalog(locale, dir);
    expect([...target.keys()].sort()).toEqual([...source.keys()].sort());
    const problems: string[] = [];
    for (const [id, english] of source) {
      const translated = target.get(id) ?? "";
      if (translated.trim() === "") {
        problems.push(`${id}: not translated`);
        continue;
      }
      const want = [...placeholders(compileMessageOrThrow(english))].sort();
      const got = [...placeholders(compileMessageOrThrow(translated))].sort();
      if (want.join() !== got.join()) problems.push(`${id}: ${got.join()} instead of ${want.join()}`);
    }
    expect(problems).toEqual([]);
  });

  test("French puts a non-breaking space before : ; ! ? and inside « »", async () => {
    const texts = await Promise.all(CATALOG_DIRS.map((dir) => catalog("fr", dir)));
    const problems = texts
      .flatMap((found) => [...found.entries()])
      .filter(([, text]) =>
        /[ \t][:;!?»]|«[ \t]|[^\s\u00a0\u202f«(]([;!?])(?!\S)/u.test(text.replace(/\{[^{}]*\}/g, "")),
      )
      .map(([id, text]) => `${id}: ${text}`);
    expect(problems).toEqual([]);
  });
});
