import { secretsMatch } from "../security/secrets-match.ts";

// Checks the credential CrowdTwist sends: `x-api-key` and/or Basic, whichever are configured (either
// one that matches is enough). Comparison is constant-time over SHA-256 digests, so neither the
// content nor the length of the configured secret leaks through response timing.

export interface WebhookCredentials {
  apiKey?: string | undefined;
  basicUser?: string | undefined;
  basicPassword?: string | undefined;
}

export function hasCredentials(credentials: WebhookCredentials): boolean {
  return Boolean(credentials.apiKey || (credentials.basicUser && credentials.basicPassword));
}

/** True when the request's headers carry a configured credential. With none configured, nothing passes. */
export function credentialsMatch(
  credentials: WebhookCredentials,
  headers: { apiKey: string | undefined; authorization: string | undefined },
): boolean {
  let ok = false;
  // Both checks always run, so the answer time does not say which header was wrong.
  if (credentials.apiKey) ok = secretsMatch(headers.apiKey ?? "", credentials.apiKey) || ok;
  if (credentials.basicUser && credentials.basicPassword) {
    const expected = `${credentials.basicUser}:${credentials.basicPassword}`;
    ok = secretsMatch(basicPair(headers.authorization) ?? "", expected) || ok;
  }
  return ok;
}

/** `user:password` from a Basic authorization header, or null. */
function basicPair(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  return Buffer.from(match[1], "base64").toString("utf8");
}
