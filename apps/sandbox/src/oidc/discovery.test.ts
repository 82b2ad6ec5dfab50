import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverClient, startTestProvider, type TestProvider } from "./oidc-test-harness.ts";

describe("sandbox OIDC discovery", () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider();
  });
  afterAll(() => provider.close());

  it("serves the metadata under the issuer path", async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}/auth`,
      token_endpoint: `${provider.issuer}/token`,
      jwks_uri: `${provider.issuer}/jwks`,
      end_session_endpoint: `${provider.issuer}/session/end`,
      response_types_supported: ["code"],
      id_token_signing_alg_values_supported: expect.arrayContaining(["RS256"]),
    });
    expect(metadata.code_challenge_methods_supported).toContain("S256");
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["client_secret_basic", "client_secret_post"]),
    );
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "profile", "email", "roles"]),
    );
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(["roles", "email", "preferred_username"]),
    );
  });

  it("is accepted by openid-client and publishes an RS256 key", async () => {
    const config = await discoverClient(provider.issuer);
    expect(config.serverMetadata().issuer).toBe(provider.issuer);
    const jwks = (await (await fetch(`${provider.issuer}/jwks`)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig" })]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("leaves paths that only share the prefix alone", async () => {
    const response = await fetch(`${provider.issuer}x/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
  });
});
