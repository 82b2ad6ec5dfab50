import type { Dispatcher } from "undici";
import type { Deadline } from "./deadline.ts";
import { AlidaError } from "./errors.ts";

// The one place that talks HTTP: sends, reads the whole body under the deadline, and turns
// transport failures into AlidaErrors. Status codes are left to the caller.

export interface AlidaHttpRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Names the resource in error messages, e.g. "activity 6f1c…". Must hold no secret. */
  what: string;
}

export interface AlidaHttpResponse {
  status: number;
  text: string;
}

export async function sendRequest(
  dispatcher: Dispatcher,
  request: AlidaHttpRequest,
  deadline: Deadline,
): Promise<AlidaHttpResponse> {
  try {
    const response = await dispatcher.request({
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: deadline.signal,
    });
    return { status: response.statusCode, text: await response.body.text() };
  } catch (error) {
    throw transportError(error, request.what, deadline);
  }
}

function transportError(error: unknown, what: string, deadline: Deadline): unknown {
  // The caller gave up: hand back its own reason, as fetch does.
  if (deadline.caller?.aborted) return deadline.caller.reason;
  if (deadline.timedOut()) {
    return new AlidaError("timeout", `Alida did not answer for ${what} within ${deadline.timeoutMs} ms`);
  }
  const detail = error instanceof Error && "code" in error ? ` (${String(error.code)})` : "";
  return new AlidaError("network", `Could not reach Alida for ${what}${detail}`, { cause: error });
}
