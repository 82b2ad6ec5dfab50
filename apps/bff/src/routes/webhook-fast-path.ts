import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, MiddlewareHandler } from "hono";
import { requestIdFor } from "../observability/request-id.ts";
import { logRequest } from "../observability/request-log.ts";
import {
  callerRefusal,
  isJsonContentType,
  MAX_PROFILE_BYTES,
  readWebhookJson,
  WEBHOOK_BASE_PATH,
  type WebhookDeps,
  type WebhookEndpoint,
  webhookEndpoints,
  webhookErrorHandler,
} from "./webhooks.ts";

/*
 * A fast path for Live Push and Data Push deliveries: a POST to one of the webhook paths from an
 * admitted sender with a plain JSON body. CrowdTwist sends one per change, so at volume the BFF's
 * CPU per push matters; about a third of it went to HTTP machinery (Hono's routing, a chain of
 * async middlewares, headers set one by one on a WHATWG Headers object and copied back by the Node
 * adapter).
 *
 * It answers only what the chain would accept up to the body: POST, Node bindings present, a known
 * path exactly (no query string), a Content-Length within the cap and no Transfer-Encoding, a JSON
 * content type, and a caller the allowlist and credentials admit. Anything else steps aside before
 * any side effect (nothing read, nothing counted) and the chain answers and counts as it always has.
 * Once it answers it reads the body from the Node request, parses it and stores it with the
 * webhooks' own functions (webhooks.ts), writes the 200 as one object of headers and one body, and
 * sends every failure through the webhooks' error handler with the chain's headers. A test compares
 * its answers with the chain's case by case (routes/webhook-fast-path.test.ts).
 */

export interface WebhookFastPathDeps {
  webhooks: WebhookDeps;
  /** Every header an answer carries whatever it is: the security headers and x-portal-instance. */
  headers: Readonly<Record<string, string>>;
  /** Counts the requests this answers. */
  answered: { inc(): void };
}

type NodeBindings = { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;

/** As the chain's `c.req.text()` decodes: UTF-8, a byte order mark dropped, bad bytes replaced. */
const utf8 = new TextDecoder();

export function webhookFastPath(deps: WebhookFastPathDeps): MiddlewareHandler {
  const { webhooks } = deps;
  const endpoints = new Map<string, WebhookEndpoint>(
    webhookEndpoints(webhooks).map((endpoint) => [`${WEBHOOK_BASE_PATH}${endpoint.path}`, endpoint]),
  );
  const onError = webhookErrorHandler(webhooks.logger);

  return async (c, next) => {
    const { incoming, outgoing } = (c.env as NodeBindings) ?? {};
    if (!incoming || !outgoing || incoming.method !== "POST") return next();
    const endpoint = endpoints.get(incoming.url ?? "");
    if (!endpoint) return next();
    // Headers as the chain reads them (c.req.header joins repeated ones as it does).
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return next();
    if (Number.parseInt(length || "0", 10) > MAX_PROFILE_BYTES) return next();
    if (!isJsonContentType(c.req.header("content-type"))) return next();
    let ip: string | undefined;
    const clientIp = () => (ip ??= webhooks.clientIp(c));
    const refusal = callerRefusal(webhooks, endpoint, {
      ip: clientIp,
      apiKey: c.req.header("x-api-key"),
      authorization: c.req.header("authorization"),
    });
    if (refusal) return next();

    // From here on this answers, whatever happens.
    deps.answered.inc();
    const started = webhooks.logger.isLevelEnabled("info") ? performance.now() : null;
    const requestId = requestIdFor(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    const done = (status: number) => {
      if (started !== null) logRequest(webhooks.logger, c, { status, started, ip: clientIp() });
    };
    let body: Buffer;
    try {
      const answer = await endpoint.store(
        await readWebhookJson(readText(incoming), endpoint.metrics),
        requestId,
      );
      body = Buffer.from(JSON.stringify(answer));
    } catch (error) {
      const failed = await fail(c, requestId, error);
      done(failed.status);
      return failed;
    }
    outgoing.writeHead(200, {
      ...deps.headers,
      "x-request-id": requestId,
      "content-type": "application/json",
      "content-length": String(body.byteLength),
    });
    outgoing.end(body);
    done(200);
    return RESPONSE_ALREADY_SENT;
  };

  /** An error answer as the chain gives it: its error body, with the headers the chain sets. */
  function fail(c: Context, requestId: string, error: unknown) {
    for (const [name, value] of Object.entries(deps.headers)) c.header(name, value);
    c.header("x-request-id", requestId);
    return onError(error instanceof Error ? error : new Error(String(error)), c);
  }
}

/** The whole body of a request whose length Node holds it to. */
function readText(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const [only] = chunks;
      resolve(utf8.decode(only && chunks.length === 1 ? only : Buffer.concat(chunks)));
    });
    incoming.on("error", reject);
    // Closed before the end (the sender went away): settles nothing if the body was read.
    incoming.on("close", () => reject(new Error("The request closed before its body ended.")));
  });
}
