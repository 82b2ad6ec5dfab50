import { createPublicKey, type JsonWebKey, type KeyObject, verify } from "node:crypto";

// The sandbox signs with a fresh key at every start, but the portal keeps its sessions (and the ID
// token each holds for `id_token_hint`) across restarts. oidc-provider answers a hint it cannot
// verify with an error page, so a member signing out after a restart would be stranded there. Such a
// hint is dropped before oidc-provider sees the request, and its audience is passed on as
// `client_id`: the post-logout address is then checked against that client's registered addresses,
// exactly as for a request that named the client itself, and the provider session it would have
// named is gone with the restart anyway. A hint signed with the current key is left untouched for
// oidc-provider to verify in full (issuer, audience, expiry rules).

const END_SESSION = "/session/end";

function segment(part: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function signedWith(key: KeyObject, token: string): boolean {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature || segment(header)?.alg !== "RS256") return false;
  try {
    return verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
  } catch {
    return false; // a signature of the wrong shape is no signature of ours
  }
}

/** Returns a rewriter for mount-relative request URLs; only end-session requests are touched. */
export function staleHintDropper(signingJwk: Record<string, unknown>): (localUrl: string) => string {
  const key = createPublicKey({ key: signingJwk as JsonWebKey, format: "jwk" });
  return (localUrl) => {
    const url = new URL(localUrl, "http://sandbox.invalid");
    const hint = url.searchParams.get("id_token_hint");
    if (url.pathname !== END_SESSION || !hint || signedWith(key, hint)) return localUrl;
    url.searchParams.delete("id_token_hint");
    const audience = segment(hint.split(".")[1])?.aud;
    if (typeof audience === "string" && !url.searchParams.has("client_id")) {
      url.searchParams.set("client_id", audience);
    }
    return `${url.pathname}${url.search}`;
  };
}
