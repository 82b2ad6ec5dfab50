import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as client from "openid-client";
import { Agent, type AgentResponse, formAction } from "../testing/agent.ts";
import { createOidcServer, type DemoAccount, type OidcClientConfig } from "./provider.ts";

// Shared by the OIDC integration tests: a real node http server on loopback, routed the way the
// sandbox routes it (mount path to `handle`, everything else elsewhere), and a tiny cookie-carrying
// "browser" so the flow is driven exactly as a user agent would drive it.

// Nothing listens here: tests stop at the redirect and read `code`/`state` from the Location.
export const RP_ORIGIN = "http://127.0.0.1:9";
export const CLIENT: OidcClientConfig = {
  clientId: "portal-bff",
  clientSecret: "test-client-secret",
  redirectUris: [`${RP_ORIGIN}/auth/callback`],
  postLogoutRedirectUris: [`${RP_ORIGIN}/signed-out`],
};
export const REDIRECT_URI = `${RP_ORIGIN}/auth/callback`;

const member = (username: string, name: string, description: string): DemoAccount => ({
  username,
  password: "demo",
  name,
  email: `${username}@example.test`,
  role: "member",
  description,
});
export const ACCOUNTS: DemoAccount[] = [
  member("ava", "Ava Member", "Member · Bronze tier (lowest)"),
  member("ben", "Ben Member", "Member · Silver tier"),
  {
    username: "morgan",
    password: "demo",
    name: "Morgan Manager",
    email: "morgan@example.test",
    role: "program_manager",
    description: "Program manager <previews activities>",
  },
];

/** A browser on the provider's pages: it asks for HTML, as a browser navigating to them does. */
export const testBrowser = () => new Agent(RP_ORIGIN, { headers: { accept: "text/html" } });

/** For `follow`: stop at the first hop that leaves `origin` (the provider's), i.e. back to the RP. */
export const leaving = (origin: string) => (next: URL) => next.origin !== origin;

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startTestProvider(): Promise<TestProvider> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const oidc = await createOidcServer({ issuer, clients: [CLIENT], accounts: ACCOUNTS, cookieKeys: ["k1"] });
  server.on("request", (req, res) => {
    if (req.url === oidc.mountPath || req.url?.startsWith(`${oidc.mountPath}/`)) oidc.handle(req, res);
    else res.writeHead(404).end("not the oidc provider");
  });
  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

export function discoverClient(issuer: string): Promise<client.Configuration> {
  return client.discovery(new URL(issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
    execute: [client.allowInsecureRequests],
  });
}

export interface AuthorizationRequest {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export async function buildAuthorizationRequest(config: client.Configuration): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: "openid profile email roles",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, codeVerifier, state, nonce };
}

export interface SignInResult {
  loginPage: AgentResponse;
  afterSubmit: AgentResponse;
  /** The last hop on the provider: its Location is the RP callback when sign-in succeeded. */
  final: AgentResponse;
}

/** Drives the login UI: authorization URL → interaction page → form post → redirects back to the RP. */
export async function signIn(
  browser: Agent,
  authorizationUrl: URL,
  username: string,
  password: string,
): Promise<SignInResult> {
  const origin = authorizationUrl.origin;
  const loginPage = await browser.follow(await browser.get(authorizationUrl), leaving(origin));
  const action = formAction(loginPage.text);
  if (!action) throw new Error(`no login form on ${loginPage.url} (status ${loginPage.status})`);
  const afterSubmit = await browser.postForm(new URL(action, origin), { username, password });
  const final = await browser.follow(afterSubmit, leaving(origin));
  return { loginPage, afterSubmit, final };
}
