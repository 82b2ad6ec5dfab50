import { createHash, timingSafeEqual } from "node:crypto";

// OAuth2 client authentication (RFC 6749 §2.3.1): HTTP Basic with form-encoded id and secret, or
// client_id/client_secret in the form body.

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  via: "basic" | "body";
}

export function readClientCredentials(
  authorization: string | undefined,
  form: Record<string, unknown>,
): ClientCredentials | null {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? "")?.[1];
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const clientId = formDecode(decoded.slice(0, colon));
    const clientSecret = formDecode(decoded.slice(colon + 1));
    return clientId === null || clientSecret === null ? null : { clientId, clientSecret, via: "basic" };
  }
  const { client_id: clientId, client_secret: clientSecret } = form;
  if (typeof clientId === "string" && typeof clientSecret === "string") {
    return { clientId, clientSecret, via: "body" };
  }
  return null;
}

/** Compares in constant time; hashing first makes the lengths equal without leaking them. */
export function safeEqual(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(actual), digest(expected));
}

function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return null;
  }
}
