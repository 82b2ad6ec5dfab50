import { constants } from "node:zlib";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
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
