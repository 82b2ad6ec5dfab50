import { Hono } from "hono";
import { readClientCredentials, safeEqual } from "./client-credentials.ts";
import type { TokenStore } from "./token-store.ts";

// POST /oauth/token — the client-credentials grant only, as the BFF uses it (RFC 6749 §4.4).

export interface OauthTokenOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  tokens: TokenStore;
}

export function oauthTokenRoute(options: OauthTokenOptions): Hono {
  return new Hono().post("/oauth/token", async (c) => {
    // Token responses must never be cached (RFC 6749 §5.1), errors included.
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    const credentials = readClientCredentials(c.req.header("authorization"), form);
    // Both comparisons always run, so the time taken says nothing about which one failed.
    const idMatches = safeEqual(credentials?.clientId ?? "", options.clientId);
    const secretMatches = safeEqual(credentials?.clientSecret ?? "", options.clientSecret);
    if (!credentials || !idMatches || !secretMatches) {
      if (credentials?.via !== "body") c.header("WWW-Authenticate", 'Basic realm="alida"');
      return c.json({ error: "invalid_client" }, 401);
    }
    if (form.grant_type !== "client_credentials") {
      return c.json({ error: "unsupported_grant_type" }, 400);
    }
    return c.json({
      access_token: options.tokens.issue(),
      token_type: "Bearer",
      expires_in: options.tokenTtlSeconds,
    });
  });
}
