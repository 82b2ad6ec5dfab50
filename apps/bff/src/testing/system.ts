import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { getRequestListener } from "@hono/node-server";
import type { Agent } from "@portal/sandbox/testing/agent";
import { type Bff, type BffOptions, createBff } from "../bff.ts";
import { parseEnv } from "../env.ts";
import { createPostgresDatabase } from "./databases.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "./sandbox.ts";
import { type SignInOptions, signIn } from "./sign-in.ts";

// The whole back end for integration tests: the real sandbox (CrowdTwist, Alida, the identity
// provider) and the real BFF on a fresh database of the test Postgres (dropped again at close), each
// on a free loopback port, with the BFF's log lines captured so tests can grep them. A test that
// passes DATABASE_URL brings its own database.

export const OIDC_CLIENT_SECRET = "test-oidc-client-secret";
export const LIVE_PUSH_API_KEY = "test-live-push-key-0123";
export const ALIDA_CLIENT_SECRET = "test-alida-client-secret";

export interface TestSystem {
  portalUrl: string;
  sandbox: TestSandbox;
  bff: Bff;
  logs: string[];
  /**
   * A signed-in agent for a demo account (password "demo" unless given). With `agent`, that browser
   * signs in again (its previous session is revoked); the identity provider remembers who it was.
   */
  signIn(username: string, options?: SignInOptions): Promise<Agent>;
  close(): Promise<void>;
}

async function listenLazily(): Promise<{
  server: Server;
  port: number;
  use: (fetch: Bff["app"]["fetch"]) => void;
}> {
  let listener: ReturnType<typeof getRequestListener> | null = null;
  const server = createServer((req, res) => {
    if (listener) void listener(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    use: (fetch) => {
      listener = getRequestListener(fetch);
    },
  };
}

export async function startTestSystem(
  envOverrides: Record<string, string> = {},
  bffOptions: Omit<BffOptions, "logDestination"> = {},
): Promise<TestSystem> {
  const portal = await listenLazily();
  const portalUrl = `http://localhost:${portal.port}`;
  const sandbox = await startTestSandbox({
    PORTAL_URL: portalUrl,
    OIDC_CLIENT_SECRET,
    ALIDA_CLIENT_SECRET,
    LIVE_PUSH_URL: `${portalUrl}/webhooks/crowdtwist/user-profile`,
    LIVE_PUSH_API_KEY,
  });
  const logs: string[] = [];
  const database = envOverrides.DATABASE_URL ? null : await createPostgresDatabase();
  const bff = await createBff(
    parseEnv({
      PUBLIC_URL: portalUrl,
      ...(database ? { DATABASE_URL: database.url } : {}),
      CROWDTWIST_BASE_URL: sandbox.url,
      CROWDTWIST_API_KEY: SANDBOX_API_KEY,
      OIDC_ISSUER: `${sandbox.url}/oidc`,
      OIDC_CLIENT_SECRET,
      ALIDA_BASE_URL: sandbox.url,
      ALIDA_TOKEN_URL: `${sandbox.url}/oauth/token`,
      ALIDA_CLIENT_SECRET,
      LIVE_PUSH_API_KEY,
      UPSTREAM_TIMEOUT_MS: "1000",
      LOG_LEVEL: "debug",
      ...envOverrides,
    }),
    {
      ...bffOptions,
      logDestination: new Writable({
        write(chunk, _encoding, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    },
  ).catch(async (error: unknown) => {
    await database?.drop();
    await sandbox.close();
    portal.server.close();
    throw error;
  });
  portal.use(bff.app.fetch);

  return {
    portalUrl,
    sandbox,
    bff,
    logs,
    signIn: (username, options = {}) => signIn(portalUrl, username, options),
    async close() {
      await bff.close();
      await database?.drop();
      await sandbox.close();
      await new Promise<void>((resolve) => {
        portal.server.close(() => resolve());
        portal.server.closeAllConnections();
      });
    },
  };
}
