import { createDeadline } from "@portal/upstream-http/deadline";
import { parseJson } from "@portal/upstream-http/json-text";
import { createPoolSet } from "@portal/upstream-http/pool-set";
import { untilAborted } from "@portal/upstream-http/until-aborted";
import type { Dispatcher } from "undici";
import { z } from "zod";
import { AlidaError } from "./errors.ts";
import { sendAlidaRequest } from "./send-request.ts";

// OAuth2 client credentials (RFC 6749 §4.4) for Alida. The token is cached until shortly before it
// expires, and concurrent callers share one token request, so a burst of member page loads after
// expiry costs Alida one token call, not fifty.

export interface TokenCacheOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Budget for one token request. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Where to send the request; by default the cache opens (and closes) its own pool. */
  dispatcher?: Dispatcher | undefined;
  /** Clock in ms, for tests. */
  now?: (() => number) | undefined;
}

export interface TokenCache {
  /** A valid access token: the cached one, the one being fetched, or a new one. */
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * Forgets the cached token. Pass the token a 401 came back for: if another caller has already
   * replaced it, the newer token is kept (so N concurrent 401s cause one refresh, not N).
   */
  invalidate(staleToken?: string): void;
  close(): Promise<void>;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === "bearer"),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

const oauthErrorSchema = z.object({ error: z.string().regex(/^[a-z_]{1,64}$/) });

// Without expires_in we cannot know; a short life bounds how long a revoked token keeps failing.
const DEFAULT_TTL_S = 300;

interface CachedToken {
  value: string;
  expiresAt: number;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const url = new URL(options.tokenUrl);
  const pools = createPoolSet({ connections: 2, dispatcher: options.dispatcher });
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header.
  const basic = Buffer.from(
    `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
  ).toString("base64");

  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  async function fetchToken(): Promise<CachedToken> {
    const sentAt = now();
    const what = "an access token";
    const deadline = createDeadline(timeoutMs);
    const response = await sendAlidaRequest(
      pools.get(url.origin),
      {
        method: "POST",
        url,
        what,
        headers: {
          authorization: `Basic ${basic}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: "grant_type=client_credentials",
      },
      deadline,
    ).finally(() => deadline.clear());
    if (response.status === 400 || response.status === 401) throw credentialsRefused(response);
    if (response.status !== 200) {
      throw new AlidaError("upstream_error", `Alida's token endpoint failed (${response.status})`, {
        status: response.status,
      });
    }
    const body = tokenResponseSchema.safeParse(parseJson(response.text));
    if (!body.success) {
      throw new AlidaError("bad_response", "Alida's token endpoint sent no usable bearer token", {
        status: response.status,
      });
    }
    const ttlMs = (body.data.expires_in ?? DEFAULT_TTL_S) * 1000;
    // Counted from when we asked, and minus a skew, so a token is never used in its last moments.
    const skewMs = Math.min(30_000, ttlMs / 10);
    return { value: body.data.access_token, expiresAt: sentAt + ttlMs - skewMs };
  }

  function shared(): Promise<CachedToken> {
    if (!inFlight) {
      inFlight = fetchToken()
        .then((token) => {
          cached = token;
          return token;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  }

  return {
    async getToken(signal) {
      signal?.throwIfAborted();
      if (cached && now() < cached.expiresAt) return cached.value;
      // The request is shared, so one caller giving up must not abort it for the others.
      const token = await (signal ? untilAborted(shared(), signal) : shared());
      return token.value;
    },
    invalidate(staleToken) {
      if (staleToken === undefined || cached?.value === staleToken) cached = undefined;
    },
    async close() {
      cached = undefined;
      await pools.close();
    },
  };
}

function credentialsRefused(response: { status: number; text: string }): AlidaError {
  const oauth = oauthErrorSchema.safeParse(parseJson(response.text));
  const code = oauth.success ? ` (${oauth.data.error})` : "";
  return new AlidaError(
    "unauthorized",
    `Alida refused our client credentials${code}; check the configured Alida client id and secret`,
    { status: response.status },
  );
}
