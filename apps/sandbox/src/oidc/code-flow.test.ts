import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAuthorizationRequest,
  discoverClient,
  REDIRECT_URI,
  signIn,
  startTestProvider,
  type TestProvider,
  testBrowser,
} from "./oidc-test-harness.ts";

describe("sandbox OIDC authorization code flow", () => {
  let provider: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    provider = await startTestProvider();
    config = await discoverClient(provider.issuer);
  });
  afterAll(() => provider.close());

  it.each([
    { username: "ava", roles: ["member"], name: "Ava Member" },
    { username: "morgan", roles: ["program_manager"], name: "Morgan Manager" },
  ])(
    "signs in $username with PKCE and puts the profile in the ID token",
    async ({ username, roles, name }) => {
      const request = await buildAuthorizationRequest(config);
      const { loginPage, afterSubmit, final } = await signIn(testBrowser(), request.url, username, "demo");

      expect(new URL(loginPage.url).pathname).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
      expect(loginPage.text).toMatch(/<label for="username">Username<\/label>/);
      expect(loginPage.text).toMatch(/<label for="password">Password<\/label>/);
      expect(loginPage.text).toMatch(/<button type="submit">Sign in<\/button>/);
      expect(afterSubmit.status).toBe(303);

      const callback = new URL(final.location ?? "");
      expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
      expect(callback.searchParams.get("code")).toBeTruthy();

      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
      });
      expect(tokens.claims()).toMatchObject({
        iss: provider.issuer,
        aud: "portal-bff",
        sub: username,
        preferred_username: username,
        name,
        email: `${username}@example.test`,
        email_verified: true,
        roles,
      });
    },
  );

  it("lets openid-client reject a callback whose state differs", async () => {
    const request = await buildAuthorizationRequest(config);
    const { final } = await signIn(testBrowser(), request.url, "ava", "demo");
    const callback = new URL(final.location ?? "");
    callback.searchParams.set("state", client.randomState());

    await expect(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/"state"/) } });
  });

  it("rejects a code redeemed with the wrong PKCE verifier", async () => {
    const request = await buildAuthorizationRequest(config);
    const { final } = await signIn(testBrowser(), request.url, "ava", "demo");

    await expect(
      client.authorizationCodeGrant(config, new URL(final.location ?? ""), {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: request.state,
        expectedNonce: request.nonce,
      }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("redeems a code only once", async () => {
    const request = await buildAuthorizationRequest(config);
    const { final } = await signIn(testBrowser(), request.url, "ava", "demo");
    const callback = new URL(final.location ?? "");
    const checks = {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
    };

    await client.authorizationCodeGrant(config, callback, checks);
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("refuses an authorization request without code_challenge", async () => {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: "openid",
      state: "s1",
    });
    const response = await testBrowser().get(url);

    expect(response.status).toBe(303);
    const redirect = new URL(response.location ?? "");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get("error")).toBe("invalid_request");
    expect(redirect.searchParams.get("error_description")).toMatch(/PKCE/);
    expect(redirect.searchParams.has("code")).toBe(false);
  });
});
