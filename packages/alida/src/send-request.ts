import type { Deadline } from "@portal/upstream-http/deadline";
import { type HttpAnswer, sendRequest } from "@portal/upstream-http/send-request";
import type { Dispatcher } from "undici";
import { alidaErrorForFailure } from "./errors.ts";

// Alida over the HTTP core (@portal/upstream-http): the whole body read under the deadline, and
// transport failures named as AlidaErrors. Status codes are left to the caller.

export interface AlidaHttpRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Names the resource in error messages, e.g. "activity 6f1c…". Must hold no secret. */
  what: string;
}

/** An activity, its summary or a token is a few kilobytes; a body past this is a fault. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function sendAlidaRequest(
  dispatcher: Dispatcher,
  request: AlidaHttpRequest,
  deadline: Deadline,
): Promise<HttpAnswer> {
  return sendRequest(
    dispatcher,
    {
      method: request.method,
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      headers: request.headers,
      body: request.body,
      maxBodyBytes: MAX_BODY_BYTES,
    },
    deadline,
    (failure) => alidaErrorForFailure(failure, request.what),
  );
}
