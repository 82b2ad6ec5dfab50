import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAuthorizationRequest,
  CLIENT,
  discoverClient,
  signIn,
  startTestProvider,
  type TestProvider,
} from "./oidc-test-harness.ts";
import { formAction, inputValue, TestBrowser } from "./test-browser.ts";

describe("sandbox OIDC RP-initiated logout", () => {
  let provider: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    provider = await startTestProvider();
    config = await discoverClient(provider.issuer);
  });
  afterAll(() => provider.close());

  it("confirms on our sign-out page, then returns to the post-logout URI and ends the session", async () => {
    const browser = new TestBrowser();
    const request = await buildAuthorizationRequest(config);
    const { final } = await signIn(browser, request.url, "ava", "demo");
    const tokens = await client.authorizationCodeGrant(config, new URL(final.location ?? ""), {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
    });
    const postLogoutRedirectUri = CLIENT.postLogoutRedirectUris[0] ?? "";

    const endSessionUrl = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? "",
      post_logout_redirect_uri: postLogoutRedirectUri,
      state: "after-logout",
    });
    const confirm = await browser.get(endSessionUrl);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('<html lang="en">');
    expect(confirm.body).toMatch(
      /<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out<\/button>/,
    );
    expect(confirm.body).not.toMatch(/<script/i);

    const action = formAction(confirm.body) ?? "";
    expect(new URL(action).pathname).toBe("/oidc/session/end/confirm");
    const signedOut = await browser.postForm(action, {
      xsrf: inputValue(confirm.body, "xsrf") ?? "",
      logout: "yes",
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(`${postLogoutRedirectUri}?state=after-logout`);

    // The provider session is gone: a new authorization request asks for credentials again.
    const again = await buildAuthorizationRequest(config);
    const page = await browser.follow(await browser.get(again.url), again.url.origin);
    expect(page.body).toContain("<h1>Sandbox sign-in</h1>");
  });

  it("refuses a post-logout URI the client did not register", async () => {
    const url = client.buildEndSessionUrl(config, {
      client_id: CLIENT.clientId,
      post_logout_redirect_uri: "http://evil.example/",
    });
    const page = await new TestBrowser().get(url);

    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.body).toContain("post_logout_redirect_uri not registered");
  });
});
