import { constants } from "node:zlib";
import { lingui } from "@lingui/vite-plugin";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { pageLocales } from "./vite-page-locales.ts";

const localesDir = new URL("./src/locales", import.meta.url).pathname;

export default defineConfig({
  plugins: [
    // Compiles the catalogs (`import("./locales/fr.po")`) and the `t`/`msg` macros, natively.
    lingui({ macroTransform: true, failOnMissing: true, failOnCompileError: true }),
    react(),
    tailwindcss(),
    pageLocales({ localesDir, locales: ["en", "fr"], sourceLocale: "en" }),
    // Each hashed asset also as .br and .gz beside it, compressed once here at the highest levels:
    // the BFF serves whichever the browser accepts (apps/bff/src/web-assets.ts), and no request pays
    // for compression. Small files and those compression does not shrink are left as they are.
    compression({
      include: /assets\/[^/]+\.(?:js|css|svg|json)$/,
      threshold: 1024,
      skipIfLargerOrEqual: true,
      algorithms: [
        defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm("gzip", { level: 9 }),
      ],
    }),
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
