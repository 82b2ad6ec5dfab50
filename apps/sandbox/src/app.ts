import { Hono } from "hono";
import { alidaRoutes } from "./alida/routes.ts";
import { controlRoutes } from "./control/routes.ts";
import { crowdTwistRoutes } from "./crowdtwist/routes.ts";
import type { SandboxEnv } from "./env.ts";
import { createFaults } from "./faults/faults.ts";
import { HTML_HEADERS } from "./html.ts";
import { imageRoutes } from "./images/routes.ts";
import { landingRoutes } from "./landing/routes.ts";
import type { MemberPushes } from "./live-push/member-pushes.ts";
import type { LivePushSender } from "./live-push/sender.ts";
import { overviewPage } from "./overview-page.ts";
import type { ProgramState } from "./program/state.ts";

// Everything the sandbox serves except the sign-in provider, which main.ts mounts beside it.
export function createSandboxApp(
  env: SandboxEnv,
  deps: { state: ProgramState; livePush: LivePushSender; pushes: MemberPushes },
) {
  const faults = createFaults();
  const app = new Hono();

  app.use("/v2/*", faults.middleware("crowdtwist"));
  app.use("/v1/*", faults.middleware("alida"));
  app.use("/c/*", faults.middleware("alida"));
  app.use("/oauth/*", faults.middleware("alida"));

  app.route(
    "/",
    crowdTwistRoutes({ state: deps.state, apiKey: env.CROWDTWIST_API_KEY, publicUrl: env.publicUrl }),
  );
  app.route(
    "/",
    alidaRoutes({
      alida: deps.state.program.alida,
      startedAt: deps.state.startedAt,
      publicUrl: env.publicUrl,
      communityApiKeyName: env.ALIDA_COMMUNITY,
      clientId: env.ALIDA_CLIENT_ID,
      clientSecret: env.ALIDA_CLIENT_SECRET,
      tokenTtlSeconds: env.ALIDA_TOKEN_TTL_SECONDS,
    }),
  );
  app.route(
    "/sandbox",
    controlRoutes({ state: deps.state, faults, livePush: deps.livePush, pushes: deps.pushes }),
  );
  app.route("/sandbox/images", imageRoutes());
  app.route("/sandbox", landingRoutes(deps.state.program));
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/", (c) => c.body(overviewPage(env, deps.state), 200, HTML_HEADERS));

  return { app, faults };
}
