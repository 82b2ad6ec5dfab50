import { Hono } from "hono";

// Activity images for the demo program: a small SVG tile per activity, so the portal shows real
// images (with real loading behaviour) without any asset leaving this machine.

// Sky and land pairs; each activity gets its own pair and sun position, so no two cards look alike
// and none carries text (a picture, not a label: the card says what the activity is).
const SCENES = [
  ["#bfdbfe", "#1d4ed8", "#047857"],
  ["#fde68a", "#b45309", "#7c2d12"],
  ["#ddd6fe", "#7c3aed", "#4338ca"],
  ["#fecdd3", "#be123c", "#9f1239"],
  ["#a7f3d0", "#0f766e", "#065f46"],
  ["#fef3c7", "#a16207", "#713f12"],
] as const;

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function activityImageSvg(slug: string): string {
  const h = hash(slug);
  const [sky, far, near] = SCENES[h % SCENES.length] ?? SCENES[0];
  const sunX = 40 + (h % 240);
  const sunY = 40 + ((h >>> 8) % 40);
  const ridge = 90 + ((h >>> 4) % 40);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180"><rect width="320" height="180" fill="${sky}"/><circle cx="${sunX}" cy="${sunY}" r="22" fill="#ffffff" fill-opacity="0.85"/><path d="M0 ${ridge} Q80 ${ridge - 40} 160 ${ridge} T320 ${ridge - 10} V180 H0Z" fill="${far}"/><path d="M0 150 Q100 ${ridge + 10} 200 145 T320 140 V180 H0Z" fill="${near}"/></svg>`;
}

export function imageRoutes() {
  return new Hono().get("/:file{[a-z0-9-]+\\.svg}", (c) => {
    const slug = c.req.param("file").replace(/\.svg$/, "");
    c.header("cache-control", "public, max-age=86400");
    return c.body(activityImageSvg(slug), 200, { "content-type": "image/svg+xml" });
  });
}
