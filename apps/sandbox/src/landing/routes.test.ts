import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { renderActivityExtended } from "../crowdtwist/render-activity-extended.ts";
import { seedProgram } from "../program/seed.ts";
import { landingRoutes } from "./routes.ts";

const PUBLIC_URL = "http://localhost:4010";
const app = new Hono().route("/sandbox", landingRoutes(seedProgram));
const context = { segments: seedProgram.segments, startedAt: new Date(), publicUrl: PUBLIC_URL };

describe("the demo program's redirect_url pages", () => {
  const linked = seedProgram.activities.filter((activity) => activity.redirectUrl !== null);

  it("link every points-on-click activity but the tag-awarded login, and the linked survey", () => {
    const ids = linked.map((activity) => activity.id);
    for (const activity of seedProgram.activities.filter((a) => a.pointsOnClick && a.actionTags === null)) {
      expect(ids).toContain(activity.id);
    }
    expect(ids).toContain(111);
  });

  it.each(linked.map((activity) => [activity.id, activity] as const))(
    "activity %s: rendered absolute on the sandbox, and the page answers 200",
    async (_id, activity) => {
      const url = renderActivityExtended(activity, context).redirect_url ?? "";
      expect(url.startsWith(`${PUBLIC_URL}/sandbox/`)).toBe(true);
      const response = await app.request(new URL(url).pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toMatch(/<h1>[^<]+<\/h1>/);
    },
  );

  it.each(["/sandbox/site/no-such-page", "/sandbox/community/00000000-0000-0000-0000-000000000000"])(
    "answers 404 for %s",
    async (path) => {
      expect((await app.request(path)).status).toBe(404);
    },
  );
});
