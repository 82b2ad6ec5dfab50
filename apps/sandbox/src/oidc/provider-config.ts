import type { Configuration } from "oidc-provider";
import { type AccountStore, SCOPE_CLAIMS } from "./accounts.ts";
import { createMemoryAdapter } from "./memory-adapter.ts";
import type { OidcClientConfig } from "./provider.ts";
import { logoutSource, postLogoutSuccessSource, renderError } from "./provider-pages.ts";

const HOUR = 60 * 60;

export interface ConfigInput {
  clients: readonly OidcClientConfig[];
  cookieKeys: string[];
  signingJwk: Record<string, unknown>;
  store: AccountStore;
  mountPath: string;
}

/** oidc-provider settings: code flow only, PKCE always, claims of the granted scopes in the ID token. */
export function buildConfiguration({
  clients,
  cookieKeys,
  signingJwk,
  store,
  mountPath,
}: ConfigInput): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      // oidc-provider treats basic and post as interchangeable for a client registered with either.
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [signingJwk] },
    // Browsers share localhost cookies across ports, so an unscoped `_session` would also ride along
    // on every request to the BFF and the sandbox APIs. Interaction cookies are already per-path.
    cookies: { keys: cookieKeys, long: { path: mountPath || "/" } },
    claims: SCOPE_CLAIMS,
    scopes: Object.keys(SCOPE_CLAIMS),
    responseTypes: ["code"],
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    // The BFF reads identity from the ID token alone, so it must carry the scoped claims rather than
    // only `sub` (the spec-conforming default defers them to the userinfo endpoint).
    conformIdTokenClaims: false,
    // The default only requires PKCE for public clients; the BFF is confidential and must still use it.
    pkce: { required: () => true },
    // Explicit lifetimes (oidc-provider nags about its defaults). A sandbox session lasts a demo day.
    ttl: {
      AccessToken: HOUR,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 8 * HOUR,
      Grant: 8 * HOUR,
    },
    findAccount: async (_ctx, sub) => store.find(sub),
    // oidc-provider's default is mount-relative ("/interaction/:uid"); the browser needs the full
    // path, and the interaction cookie is scoped to it.
    interactions: { url: async (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    renderError,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
  };
}
