import type { ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { ApiError, toApiError } from "./api-error.ts";

// Every query and mutation talks to the BFF through these: the typed client's call, its failure as an
// `ApiError` (a dropped connection, the browser's deadline, an error answer with its code, request
// id and issues), and the JSON of its success, typed from the BFF's own route (docs/decisions/0035).

type AnyResponse = ClientResponse<unknown, number, "json" | "text" | string>;

/** The answers of a call that are not failures: its 2xx, and a 304 to a conditional request. */
type Answered<R> =
  R extends ClientResponse<infer Body, infer Status, infer Format>
    ? Status extends SuccessStatusCode | 304
      ? ClientResponse<Body, Status, Format>
      : never
    : never;

/** The JSON of the route's 2xx answers. */
type AnsweredJson<R> =
  R extends ClientResponse<infer Body, infer Status, "json">
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/**
 * Makes the call; anything but a 2xx (or a 304, which only a request with `If-None-Match` gets)
 * throws an `ApiError`. For a caller that reads headers or the status itself.
 */
export async function apiCall<R extends AnyResponse>(send: () => Promise<R>): Promise<Answered<R>> {
  let response: R;
  try {
    response = await send();
  } catch (error) {
    // The client's own deadline (fetch-within.ts) already says what happened; a query nobody needs
    // any more is cancelled as an AbortError, which TanStack expects as it is.
    if (error instanceof ApiError) throw error;
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The BFF could not be reached", null);
  }
  if (!response.ok && response.status !== 304) throw await toApiError(response as unknown as Response);
  return response as Answered<R>;
}

/** Makes the call and reads its JSON: the answer's body as the BFF's route types it. */
export async function apiJson<R extends AnyResponse>(send: () => Promise<R>): Promise<AnsweredJson<R>> {
  const response = await apiCall(send);
  try {
    return (await response.json()) as AnsweredJson<R>;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    if (error instanceof ApiError) throw error;
    // A 2xx whose body is not JSON: not the BFF's answer (a proxy's page), or a body cut short.
    throw new ApiError(response.status, "bad_response", "The BFF's answer could not be read", null);
  }
}
