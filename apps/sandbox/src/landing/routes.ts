import { Hono } from "hono";
import { escapeHtml, HTML_HEADERS, htmlDocument } from "../html.ts";
import { SITE_PATH } from "../program/seed-ids.ts";
import type { SeedProgram } from "../program/seed-types.ts";

// Where the demo program's `redirect_url`s lead: stand-ins for the brand's own site pages and for
// the research community's survey and forum pages (the Alida document names no member-facing
// address, so the linked CrowdTwist activity's `redirect_url` points here). One plain page each,
// answering 200 for a page the demo program links to and 404 for anything else.

export function landingRoutes(program: SeedProgram) {
  const page = (heading: string, text: string) =>
    htmlDocument(heading, `<h1>${escapeHtml(heading)}</h1><p class="muted">${escapeHtml(text)}</p>`);
  const linked = (path: string) => program.activities.find((activity) => activity.redirectUrl === path);
  return new Hono()
    .get("/site/:slug{[a-z0-9-]+}", (c) => {
      const activity = linked(`${SITE_PATH}/${c.req.param("slug")}`);
      if (!activity)
        return c.body(page("Not found", "The demo brand site has no such page."), 404, HTML_HEADERS);
      const title = activity.publicTitle || activity.title;
      return c.body(
        page(`${title} — demo brand site`, "A stand-in for the brand's own page, served by the sandbox."),
        200,
        HTML_HEADERS,
      );
    })
    .get("/community/:id{[0-9a-f-]+}", (c) => {
      const alida = program.alida.activities.find((activity) => activity.id === c.req.param("id"));
      if (!alida) return c.body(page("Not found", "The community has no such activity."), 404, HTML_HEADERS);
      return c.body(
        page(
          `${alida.name} — research community`,
          `A stand-in for the ${alida.activityType.toLowerCase()} page.`,
        ),
        200,
        HTML_HEADERS,
      );
    });
}
