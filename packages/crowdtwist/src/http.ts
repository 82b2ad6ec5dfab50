import { createDeadline } from "@portal/upstream-http/deadline";
import { parseJson } from "@portal/upstream-http/json-text";
import { createPoolSet } from "@portal/upstream-http/pool-set";
import { type HttpAnswer, sendRequest } from "@portal/upstream-http/send-request";
import type { Dispatcher } from "undici";
import { CrowdTwistError, crowdTwistErrorForFailure, errorBodySchema, isSuccess } from "./errors.ts";

// CrowdTwist over the HTTP core (@portal/upstream-http): the key in its header, a time limit per
// call, the documented error body read, and every failure turned into a CrowdTwistError. Retries,
// circuit breaking and caching belong to the BFF's resilience layer, which wraps the client.

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

/**
 * The most of an answer that is read. A member's activity list is the largest CrowdTwist sends, at
 * about 350 bytes an activity in the documents' shape: this is some 90,000 activities, so a body past
 * it is a fault, not a program.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export function createCrowdTwistHttp(options: CrowdTwistHttpOptions): CrowdTwistHttp {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  const pools = createPoolSet({ connections: options.connections, dispatcher: options.dispatcher });
  const headers = {
    accept: "application/json",
    "x-ct-authorization": `CTApiKey ${options.apiKey}`,
  };

  async function getJson(operation: string, path: string, query: URLSearchParams, signal?: AbortSignal) {
    const search = query.size > 0 ? `?${query.toString()}` : "";
    const deadline = createDeadline(options.timeoutMs, signal);
    let answer: HttpAnswer;
    try {
      answer = await sendRequest(
        pools.get(base.origin),
        {
          method: "GET",
          origin: base.origin,
          path: `${prefix}${path}${search}`,
          headers,
          maxBodyBytes: MAX_BODY_BYTES,
        },
        deadline,
        (failure) => crowdTwistErrorForFailure(failure, operation),
      );
    } finally {
      deadline.clear();
    }
    const { status } = answer;
    const body = parseJson(answer.text);
    if (isSuccess(status)) {
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

  return { getJson, close: () => pools.close() };
}
