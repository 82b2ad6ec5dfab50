import { defineConfig } from "@lingui/cli";
import { formatter } from "@lingui/format-po";

// Two catalogs per language: the portal's (src/locales/{locale}.po), in the first script, and the
// program manager area's (src/locales/manager/{locale}.po), loaded with that area's lazy chunk, so
// members never download the managers' words (ADR 0031). English is the source: `lingui extract`
// writes the en.po files from the code (the macros' English), and the fr.po files hold the French
// for the same messages. The Vite plugin compiles them at build.
const NOT_SHIPPED = ["**/*.test.*", "**/testing/**"];

export default defineConfig({
  sourceLocale: "en",
  locales: ["en", "fr"],
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}",
      include: ["<rootDir>/src"],
      exclude: [...NOT_SHIPPED, "<rootDir>/src/features/manager/**"],
    },
    {
      path: "<rootDir>/src/locales/manager/{locale}",
      include: ["<rootDir>/src/features/manager"],
      exclude: NOT_SHIPPED,
    },
  ],
  // Without line numbers, moving code does not rewrite the catalogs; the file names still tell a
  // translator where a message is used.
  format: formatter({ lineNumbers: false }),
  // Every file that uses a macro imports the one i18n instance from here, which has English
  // active from the start (tests and helpers included), so no message is ever asked for unset.
  runtimeConfigModule: { i18n: ["#i18n", "i18n"] },
});
