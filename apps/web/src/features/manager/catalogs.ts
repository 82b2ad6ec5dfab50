import type { AreaCatalogs } from "../../lib/i18n/i18n.ts";

// The manager area's words, in a catalog of their own per language (lingui.config.ts): members never
// download them. Named apart from the area's chunk, so the route can fetch both at once.
export const managerCatalogs: AreaCatalogs = {
  en: () => import("../../locales/manager/en.po"),
  fr: () => import("../../locales/manager/fr.po"),
};
