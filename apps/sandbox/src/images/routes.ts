import { Hono } from "hono";

// Activity images for the demo program: a small SVG tile per activity, so the portal shows real
// images (with real loading behaviour) without any asset leaving this machine.

const PALETTE = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0f766e", "#4338ca", "#a16207"];

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function activityImageSvg(slug: string): string {
  const colour = PALETTE[hash(slug) % PALETTE.length];
  const initials = slug
    .split("-")
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180" role="img"><rect width="320" height="180" fill="${colour}"/><text x="160" y="108" font-family="system-ui, sans-serif" font-size="56" font-weight="700" fill="#ffffff" text-anchor="middle">${initials}</text></svg>`;
}

export function imageRoutes() {
  return new Hono().get("/:file{[a-z0-9-]+\\.svg}", (c) => {
    const slug = c.req.param("file").replace(/\.svg$/, "");
    c.header("cache-control", "public, max-age=86400");
    return c.body(activityImageSvg(slug), 200, { "content-type": "image/svg+xml" });
  });
}
