import type { MiddlewareHandler } from "hono";
import type { TokenStore } from "./token-store.ts";

/** 401 `{"message":"Unauthorized"}` unless the request carries a live token from our token endpoint. */
export function requireBearer(tokens: TokenStore): MiddlewareHandler {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (token === undefined || !tokens.isValid(token)) {
      // RFC 6750 §3.1: name the problem only when a token was presented.
      c.header("WWW-Authenticate", token === undefined ? "Bearer" : 'Bearer error="invalid_token"');
      return c.json({ message: "Unauthorized" }, 401);
    }
    await next();
  };
}
