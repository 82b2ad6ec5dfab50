import { msg } from "@lingui/core/macro";

// The words of index.html, the page the BFF serves before the app runs. The build writes them into
// one page per language by these ids (vite-page-locales.ts); they are declared here, in code, so
// that extraction puts them in the catalogs with every other message.

export const pageMessages = {
  /** The portal's own name, where the program's brand has none (the dev server, tests). */
  appName: msg({ id: "shell.appName", message: "Loyalty portal" }),
  description: msg({
    id: "shell.description",
    message: "Your loyalty tier, activities and bonus campaigns in one place.",
  }),
  loading: msg({ id: "shell.loading", message: "Loading your rewards…" }),
};
