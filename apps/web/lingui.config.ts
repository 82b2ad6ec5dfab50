import { defineConfig } from "@lingui/cli";
import { formatter } from "@lingui/format-po";

// One catalog per language for every word of the portal, members' and managers' alike. English is
// the source: `lingui extract` writes src/locales/en.po from the code (the macros' English), and
// src/locales/fr.po holds the French for the same messages. The Vite plugin compiles both at build.
export default defineConfig({
  sourceLocale: "en",
  locales: ["en", "fr"],
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}",
      include: ["<rootDir>/src"],
      exclude: ["**/*.test.*", "**/testing/**"],
    },
  ],
  // Without line numbers, moving code does not rewrite the catalogs; the file names still tell a
  // translator where a message is used.
  format: formatter({ lineNumbers: false }),
  // Every file that uses a macro imports the one i18n instance from here, which has English
  // active from the start (tests and helpers included), so no message is ever asked for unset.
  runtimeConfigModule: { i18n: ["#i18n", "i18n"] },
});
