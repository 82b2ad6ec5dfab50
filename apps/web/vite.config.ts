import { lingui } from "@lingui/vite-plugin";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { pageLocales } from "./vite-page-locales.ts";

const localesDir = new URL("./src/locales", import.meta.url).pathname;

export default defineConfig({
  plugins: [
    // Compiles the catalogs (`import("./locales/fr.po")`) and the `t`/`msg` macros, natively.
    lingui({ macroTransform: true, failOnMissing: true, failOnCompileError: true }),
    react(),
    tailwindcss(),
    pageLocales({ localesDir, locales: ["en", "fr"], sourceLocale: "en" }),
  ],
  build: {
    target: "es2022",
    // No source maps in the shipped build: they would double what a browser may download.
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000" },
  },
});
