import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { createSandboxApp } from "./app.ts";
import { parseSandboxEnv } from "./env.ts";
import { renderLivePushProfile } from "./live-push/profile.ts";
import { createLivePushSender } from "./live-push/sender.ts";
import { createOidcServer } from "./oidc/provider.ts";
import { demoAccounts } from "./program/accounts.ts";
import { seedProgram } from "./program/seed.ts";
import { createProgramState } from "./program/state.ts";

const env = parseSandboxEnv();
const state = createProgramState(seedProgram);
const livePush = createLivePushSender({ url: env.livePushUrl, auth: env.livePushAuth });
const { app } = createSandboxApp(env, { state, livePush });

const oidc = await createOidcServer({
  issuer: `${env.publicUrl}/oidc`,
  clients: [
    {
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      redirectUris: [`${env.portalUrl}/api/auth/callback`],
      postLogoutRedirectUris: [`${env.portalUrl}/`],
    },
  ],
  accounts: demoAccounts,
  cookieKeys: [crypto.randomUUID()],
});

const honoListener = getRequestListener(app.fetch);
const server = createServer((req, res) => {
  const path = req.url ?? "/";
  const { mountPath } = oidc;
  if (path === mountPath || path.startsWith(`${mountPath}/`) || path.startsWith(`${mountPath}?`)) {
    oidc.handle(req, res);
  } else {
    void honoListener(req, res);
  }
});

server.listen(env.SANDBOX_PORT, env.SANDBOX_HOST, () => {
  console.log(`sandbox listening on ${env.publicUrl} (CrowdTwist, Alida, sign-in at ${env.publicUrl}/oidc)`);
  // One profile per member at start, as CrowdTwist pushes a profile whenever it is (re)synchronised.
  for (const member of state.members()) {
    void livePush.send(renderLivePushProfile(member, state.program.tiers, new Date()));
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
