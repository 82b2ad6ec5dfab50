// Catalogs are imported as modules: @lingui/vite-plugin compiles the .po file at build time.
declare module "*.po" {
  export const messages: import("@lingui/core").Messages;
}
