// The pages inside /manage. The app's router hands every /manage/* address to this feature; the
// sub-pages are resolved here so the whole manager area stays in its lazy chunk.

import { decodeSegment } from "../../../lib/router.tsx";

export type ManagerPage =
  | { name: "find" }
  | { name: "activity"; id: string }
  | { name: "preview" }
  | { name: "audit" }
  | { name: "not-found" };

export function matchManagerPage(pathname: string): ManagerPage {
  const path = pathname.replace(/\/+$/, "");
  if (path === "/manage") return { name: "find" };
  if (path === "/manage/preview") return { name: "preview" };
  if (path === "/manage/audit") return { name: "audit" };
  const id = decodeSegment(/^\/manage\/activities\/([^/]+)$/.exec(path)?.[1] ?? "");
  if (id) return { name: "activity", id };
  return { name: "not-found" };
}

export const managerPaths = {
  find: "/manage",
  preview: "/manage/preview",
  audit: "/manage/audit",
  activity: (id: string, tierId?: string | null) =>
    `/manage/activities/${encodeURIComponent(id)}${tierId ? `?tier=${encodeURIComponent(tierId)}` : ""}`,
};
