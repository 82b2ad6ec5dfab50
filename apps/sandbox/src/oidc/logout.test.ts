import { hash } from "node:crypto";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, type AgentResponse, formAction, inputValue } from "../testing/agent.ts";
import {
  buildAuthorizationRequest,
  CLIENT,
  discoverClient,
  leaving,
  signIn,
  startTestProvider,
  type TestProvider,
  testBrowser,
} from "./oidc-test-harness.ts";

const POST_LOGOUT = CLIENT.postLogoutRedirectUris[0] ?? "";

describe("sandbox OIDC RP-initiated logout", () => {
  let provider: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    provider = await startTestProvider();
    config = await discoverClient(provider.issuer);
  });
  afterAll(() => provider.close());

  /** A browser signed in at the provider as `username`, and the ID token the RP got. */
  async function signedIn(username: string) {
    const browser = testBrowser();
    const request = await buildAuthorizationRequest(config);
    const { final } = await signIn(browser, request.url, username, "demo");
    const tokens = await client.authorizationCodeGrant(config, new URL(final.location ?? ""), {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
    });
    return { browser, idToken: tokens.id_token ?? "" };
  }

  const endSession = (params: Record<string, string>) =>
    client.buildEndSessionUrl(config, { post_logout_redirect_uri: POST_LOGOUT, ...params });

  /** Posts the page's logout form as its button would (logout=yes). */
  const submitLogout = (browser: Agent, page: AgentResponse) =>
    browser.postForm(formAction(page.text) ?? "", {
      xsrf: inputValue(page.text, "xsrf") ?? "",
      logout: "yes",
    });

  async function expectProviderSessionGone(browser: Agent) {
    const again = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(again.url), leaving(again.url.origin));
    expect(page.text).toContain("<h1>Sandbox sign-in</h1>");
  }

  it("signs out without asking when the hint is the signed-in member's own ID token", async () => {
    const { browser, idToken } = await signedIn("ava");
    const page = await browser.get(endSession({ id_token_hint: idToken, state: "after-logout" }));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Sign out of the sandbox?");
    expect(page.text).toContain("<h1>Signing you out…</h1>");

    // The page submits itself with the one script its policy allows by hash, and nothing else runs.
    const scripts = [...page.text.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`script-src 'sha256-${hash("sha256", scripts[0] ?? "", "base64")}'`);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("default-src 'none'");
    // Without JavaScript the same form is one labelled button away.
    expect(page.text).toMatch(/<button type="submit" form="op.logoutForm" name="logout" value="yes"/);

    const signedOut = await submitLogout(browser, page);
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(`${POST_LOGOUT}?state=after-logout`);
    await expectProviderSessionGone(browser);
  });

  it("asks first when no hint says who is signing out", async () => {
    const { browser } = await signedIn("ava");
    const confirm = await browser.get(endSession({ client_id: CLIENT.clientId }));
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("<h1>Sign out of the sandbox?</h1>");
    expect(confirm.text).not.toMatch(/<script/i);
    expect(confirm.headers.get("content-security-policy")).not.toContain("script-src");
    expect(new URL(formAction(confirm.text) ?? "").pathname).toBe("/oidc/session/end/confirm");

    const signedOut = await submitLogout(browser, confirm);
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(POST_LOGOUT);
    await expectProviderSessionGone(browser);
  });

  it("asks first when the hint is somebody else's ID token", async () => {
    const { browser } = await signedIn("ava");
    const { idToken: bensToken } = await signedIn("ben");
    const confirm = await browser.get(endSession({ id_token_hint: bensToken }));
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("<h1>Sign out of the sandbox?</h1>");
    expect(confirm.text).not.toMatch(/<script/i);
  });

  it("after a restart (a hint signed with an old key) still returns to the portal", async () => {
    const { idToken } = await signedIn("ava");
    const [header, payload, signature = ""] = idToken.split(".");
    const forged = `${header}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    // A browser with no provider session, as after a sandbox restart.
    const browser = testBrowser();
    const page = await browser.get(endSession({ id_token_hint: forged }));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Sign-in request rejected");
    // oidc-provider's own self-submitting form: nobody to ask, so nothing to confirm.
    const action = formAction(page.text) ?? "";
    expect(new URL(action).pathname).toBe("/oidc/session/end/confirm");
    const signedOut = await browser.postForm(action, {
      xsrf: inputValue(page.text, "xsrf") ?? "",
      logout: "yes",
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(POST_LOGOUT);
  });

  it("a hint it cannot verify never opens the way to an unregistered address", async () => {
    const { idToken } = await signedIn("ava");
    const forged = `${idToken.slice(0, idToken.lastIndexOf(".") + 1)}AAAA`;
    const page = await testBrowser().get(
      client.buildEndSessionUrl(config, {
        id_token_hint: forged,
        post_logout_redirect_uri: "http://evil.example/",
      }),
    );
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain("post_logout_redirect_uri not registered");
  });

  it("refuses a post-logout URI the client did not register", async () => {
    const url = client.buildEndSessionUrl(config, {
      client_id: CLIENT.clientId,
      post_logout_redirect_uri: "http://evil.example/",
    });
    const page = await testBrowser().get(url);

    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain("post_logout_redirect_uri not registered");
  });
});
