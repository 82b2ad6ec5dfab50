import * as oidc from "openid-client";

// The portal as an OpenID Connect relying party: authorization code + PKCE, state and nonce
// checked by openid-client, ID token claims read for who the member is and which roles they hold.
// Discovery happens on first use, so the portal starts even while the identity provider is down.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Only for a local http issuer (the sandbox); production refuses http issuers at start. */
  allowInsecure: boolean;
}

export interface SignedIn {
  claims: oidc.IDToken;
  idToken: string | null;
}

export const SCOPES = "openid profile email roles";

export function createOidcClient(settings: OidcSettings) {
  let config: Promise<oidc.Configuration> | null = null;

  function configuration(): Promise<oidc.Configuration> {
    config ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowInsecure ? { execute: [oidc.allowInsecureRequests], timeout: 3 } : { timeout: 3 },
      )
      .catch((error: unknown) => {
        config = null; // try again on the next sign-in
        throw error;
      });
    return config;
  }

  return {
    async authorizationRequest() {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUri,
        scope: SCOPES,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /** Redeems the code; throws when state, nonce, issuer, audience or PKCE do not match. */
    async finish(
      callbackUrl: URL,
      expected: { state: string; nonce: string; codeVerifier: string },
    ): Promise<SignedIn> {
      const tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("the identity provider returned no ID token");
      return { claims, idToken: tokens.id_token ?? null };
    },

    async logoutUrl(idToken: string | null): Promise<string> {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return settings.postLogoutRedirectUri;
      return oidc
        .buildEndSessionUrl(config, {
          post_logout_redirect_uri: settings.postLogoutRedirectUri,
          ...(idToken ? { id_token_hint: idToken } : {}),
        })
        .toString();
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;

const UNREACHABLE_CODES = new Set(["OAUTH_TIMEOUT", "OAUTH_ABORT"]);

/**
 * True when a failed call says the identity provider could not be reached or is failing (network
 * error, timeout, a 5xx or `temporarily_unavailable`), as opposed to refusing this sign-in: the
 * member is told to try again later rather than to start over.
 */
export function isProviderUnavailable(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError) {
    return error.status >= 500 || ["temporarily_unavailable", "server_error"].includes(error.error);
  }
  if (error instanceof oidc.ClientError) {
    if (error.code && UNREACHABLE_CODES.has(error.code)) return true;
    return error.cause instanceof Response && error.cause.status >= 500;
  }
  // undici's network failure ("fetch failed"); openid-client's own argument errors carry a code.
  return error instanceof TypeError && !("code" in error);
}
