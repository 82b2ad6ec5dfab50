import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createSandboxApp } from "./app.ts";
import type { SandboxEnv } from "./env.ts";
import type { Faults } from "./faults/faults.ts";
import { createMemberPushes, type MemberPushes } from "./live-push/member-pushes.ts";
import { createLivePushSender, type LivePushSender } from "./live-push/sender.ts";
import { createOidcServer } from "./oidc/provider.ts";
import { demoAccounts } from "./program/accounts.ts";
import { seedProgram } from "./program/seed.ts";
import { createProgramState, type ProgramState } from "./program/state.ts";

export interface RunningSandbox {
  url: string;
  env: SandboxEnv;
  state: ProgramState;
  faults: Faults;
  livePush: LivePushSender;
  /** What the sandbox pushes when something happens to a member, feed by feed. */
  pushes: MemberPushes;
  /**
   * Sends every member's current profile, expiring points and segment memberships, as CrowdTwist
   * does when it (re)synchronises.
   */
  pushAll(): Promise<boolean[]>;
  close(): Promise<void>;
}

// Listens first, so that with port 0 (tests) the public URL, the issuer and every link the
// sandbox renders carry the port it really got.
export async function startSandbox(env: SandboxEnv): Promise<RunningSandbox> {
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(env.SANDBOX_PORT, env.SANDBOX_HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const publicUrl = env.SANDBOX_PUBLIC_URL ? env.publicUrl : `http://localhost:${port}`;
  const settled: SandboxEnv = { ...env, SANDBOX_PORT: port, publicUrl };

  const state = createProgramState(seedProgram);
  const livePush = createLivePushSender({
    url: settled.livePushUrl,
    feedUrls: settled.livePushFeedUrls,
    auth: settled.livePushAuth,
  });
  const pushes = createMemberPushes({ state, livePush });
  const { app, faults } = createSandboxApp(settled, { state, livePush, pushes });
  const oidc = await createOidcServer({
    issuer: `${publicUrl}/oidc`,
    clients: [
      {
        clientId: settled.OIDC_CLIENT_ID,
        clientSecret: settled.OIDC_CLIENT_SECRET,
        redirectUris: [`${settled.portalUrl}/api/auth/callback`],
        // The portal's "You're signed out" page; `/` for portals from before it existed.
        postLogoutRedirectUris: [`${settled.portalUrl}/signed-out`, `${settled.portalUrl}/`],
      },
    ],
    accounts: demoAccounts,
    cookieKeys: [crypto.randomUUID()],
  });

  const honoListener = getRequestListener(app.fetch);
  const { mountPath } = oidc;
  handler = (req, res) => {
    const path = req.url ?? "/";
    if (path === mountPath || path.startsWith(`${mountPath}/`) || path.startsWith(`${mountPath}?`)) {
      oidc.handle(req, res);
    } else {
      void honoListener(req, res);
    }
  };

  return {
    url: publicUrl,
    env: settled,
    state,
    faults,
    livePush,
    pushes,
    pushAll: () => pushes.all(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
