// One error type for everything that goes wrong talking to the BFF, carrying what a member can
// quote to support (the request id) and what the UI needs to pick an action (status, code). Its
// message is for the console; members read words chosen by its code (error-text.ts).

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, requestId: string | null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  get isUnauthenticated() {
    return this.status === 401;
  }
}

/** Worth asking again: a dropped connection or a 5xx may answer differently; a 4xx answers the same. */
export const isTransient = (error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500);

interface ErrorBodyShape {
  error: { code: string; message: string; requestId?: string };
}

function isErrorBody(value: unknown): value is ErrorBodyShape {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** Turns a non-2xx answer into an `ApiError`, using the BFF's `{error:{code,message,requestId}}` when present. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.requestId ?? null);
  }
  return new ApiError(response.status, "http_error", "The BFF answered without an error body", null);
}

/** Runs an hc call; a network failure becomes an `ApiError` a member can act on. */
export async function call<R extends Response>(request: () => Promise<R>): Promise<R> {
  try {
    return await request();
  } catch (error) {
    // The client's own deadline (fetch-within.ts) already says what happened.
    if (error instanceof ApiError) throw error;
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The BFF could not be reached", null);
  }
}
