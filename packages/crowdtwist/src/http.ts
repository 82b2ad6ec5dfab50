import { type Dispatcher, Pool } from "undici";
import { CrowdTwistError, errorBodySchema } from "./errors.ts";

// The one place that speaks HTTP to CrowdTwist: a keep-alive pool, the key in its header, a time
// limit per call, and every failure turned into a CrowdTwistError. Retries, circuit breaking and
// caching belong to the BFF's resilience layer, which wraps the client.

export interface CrowdTwistHttpOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  connections: number;
  /** Use this dispatcher (an Agent, a MockAgent…) instead of a pool of our own; `close()` leaves it open. */
  dispatcher?: Dispatcher | undefined;
}

export interface CrowdTwistHttp {
  /** GETs `path` (already encoded) and returns the 2xx body as unparsed JSON. */
  getJson(operation: string, path: string, query: URLSearchParams, signal?: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

export function createCrowdTwistHttp(options: CrowdTwistHttpOptions): CrowdTwistHttp {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? new Pool(base.origin, { connections: options.connections });
  const headers = {
    accept: "application/json",
    "x-ct-authorization": `CTApiKey ${options.apiKey}`,
  };

  async function getJson(operation: string, path: string, query: URLSearchParams, signal?: AbortSignal) {
    // One controller for the caller's signal and our time limit, its timer cleared once the body is
    // in: AbortSignal.timeout cannot be cleared, and every call's would fire later for nothing.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    }, options.timeoutMs);
    // As AbortSignal.timeout's: an unanswered call does not keep the process alive.
    timer.unref();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    const search = query.size > 0 ? `?${query.toString()}` : "";
    let status: number;
    let text: string;
    try {
      const response = await dispatcher.request({
        origin: base.origin,
        path: `${prefix}${path}${search}`,
        method: "GET",
        headers,
        signal: controller.signal,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (timedOut) {
        throw new CrowdTwistError({
          status: 504,
          code: "timeout",
          operation,
          detail: `no answer within ${options.timeoutMs} ms`,
        });
      }
      // The caller gave up: that is their decision to handle, not an upstream failure.
      if (signal?.aborted) throw signal.reason;
      throw new CrowdTwistError({
        status: 502,
        code: "network",
        operation,
        detail: networkDetail(error),
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
    const body = parseJson(text);
    if (status >= 200 && status < 300) {
      if (body === undefined) {
        throw new CrowdTwistError({
          status: 502,
          code: "bad_response",
          operation,
          detail: "body is not JSON",
        });
      }
      return body;
    }
    const documented = errorBodySchema.safeParse(body);
    if (!documented.success) {
      throw new CrowdTwistError({
        status,
        code: "bad_response",
        operation,
        detail: "error body is not documented JSON",
      });
    }
    throw new CrowdTwistError({
      status,
      code: documented.data.error,
      operation,
      upstreamMessage: documented.data.message ?? null,
    });
  }

  return {
    getJson,
    close: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The system error code (ECONNREFUSED…) or class name — never the message, which may hold the URL. */
function networkDetail(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = "code" in error ? error.code : undefined;
    if (typeof code === "string") return code;
    if (error instanceof Error) return error.name;
  }
  return "request failed";
}
