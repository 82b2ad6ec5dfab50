import type { Dispatcher } from "undici";
import type { Deadline } from "./deadline.ts";
import type { UpstreamHttpError } from "./upstream-http-error.ts";

// The one place the clients speak HTTP: send under a deadline, read the whole body up to a bound,
// and hand every transport failure to the client, which names it in its own error class. Statuses
// and bodies are the client's to judge.

export interface HttpRequest {
  method: "GET" | "POST";
  origin: string;
  /** Path and query, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** A longer body is not read on: the call fails with `body_too_large`. */
  maxBodyBytes: number;
}

export interface HttpAnswer {
  status: number;
  /** The body as UTF-8 text (a byte-order mark dropped). */
  text: string;
}

/** Why a call got no usable answer; the client turns it into its own error. */
export type HttpFailure =
  /** No whole answer before the deadline. */
  | { kind: "timeout"; timeoutMs: number }
  /** Refused, reset, DNS failure… `detail` is the system code (ECONNREFUSED…) or the error's class. */
  | { kind: "network"; detail: string; systemCode: string | undefined; cause: unknown }
  /** An answer whose body is longer than the request's `maxBodyBytes`. */
  | { kind: "body_too_large"; status: number; maxBodyBytes: number };

/**
 * Sends `request` and reads its answer, or throws what `fail` makes of the failure. A caller that
 * gave up (the deadline's caller signal) gets its own abort reason back, as `fetch` does: that is its
 * decision, not an upstream failure.
 */
export async function sendRequest(
  dispatcher: Dispatcher,
  request: HttpRequest,
  deadline: Deadline,
  fail: (failure: HttpFailure) => UpstreamHttpError,
): Promise<HttpAnswer> {
  let status: number;
  let text: string | null;
  try {
    const response = await dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: deadline.signal,
    });
    status = response.statusCode;
    text = await readBounded(response, request.maxBodyBytes);
  } catch (error) {
    switch (deadline.endedBy()) {
      case "caller":
        throw deadline.signal.reason;
      case "time":
        throw fail({ kind: "timeout", timeoutMs: deadline.timeoutMs });
      default:
        throw fail({
          kind: "network",
          detail: networkDetail(error),
          systemCode: systemCode(error),
          cause: error,
        });
    }
  }
  if (text === null) throw fail({ kind: "body_too_large", status, maxBodyBytes: request.maxBodyBytes });
  return { status, text };
}

/** The body as text, or `null` (the rest left unread, the connection dropped) when it is longer than `max`. */
async function readBounded(response: Dispatcher.ResponseData, max: number): Promise<string | null> {
  // Not a number when absent (or sent twice): then the body is counted as it comes.
  const declared = Number(response.headers["content-length"]);
  // A declared length is one undici holds the answer to: read it whole (undici's own way, the hot
  // path), or not at all.
  if (Number.isSafeInteger(declared)) return declared > max ? drop(response.body) : response.body.text();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    length += (chunk as Buffer).length;
    if (length > max) return drop(response.body);
    chunks.push(chunk as Buffer);
  }
  // As undici's `body.text()`: UTF-8, a byte-order mark dropped, bad bytes replaced.
  return new TextDecoder().decode(Buffer.concat(chunks, length));
}

/** Stops reading and closes the connection; undici's report of the abandoned rest has no one to hear it. */
function drop(body: Dispatcher.ResponseData["body"]): null {
  body.on("error", () => {});
  body.destroy();
  return null;
}

function systemCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** The system error code or the class name — never the message, which may hold the URL. */
function networkDetail(error: unknown): string {
  return systemCode(error) ?? (error instanceof Error ? error.name : "request failed");
}
