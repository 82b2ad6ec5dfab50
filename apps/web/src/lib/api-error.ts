// One error type for everything that goes wrong talking to the BFF, carrying what a member can
// quote to support (the request id), what the UI needs to pick an action (status, code) and, for a
// refused input, which fields were refused (`issues`, by path). Its message is for the console;
// members read words chosen by its code (error-text.ts) or, by a field, by the form.

/** One problem with what was sent: the field's path (`"reason"`, `""` for the whole) and the BFF's words. */
export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly issues: readonly ApiIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | null,
    issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.issues = issues;
  }

  get isUnauthenticated() {
    return this.status === 401;
  }
}

/** Worth asking again: a dropped connection or a 5xx may answer differently; a 4xx answers the same. */
export const isTransient = (error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/**
 * Which of a form's `fields` the BFF refused, in the form's order: by each issue's path, never by the
 * wording of its message (docs/decisions/0035). Empty for anything but a refused input.
 */
export function fieldsInError<Field extends string>(error: unknown, fields: readonly Field[]): Field[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const paths = new Set(error.issues.map((issue) => issue.path));
  return fields.filter((field) => paths.has(field));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const isIssue = (value: unknown): value is ApiIssue =>
  isRecord(value) && typeof value.path === "string" && typeof value.message === "string";

/** Turns a non-2xx answer into an `ApiError`, using the BFF's `{error:{code,message,requestId,issues?}}` when present. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) ? body.error : null;
  if (isRecord(error) && typeof error.code === "string" && typeof error.message === "string") {
    const requestId = typeof error.requestId === "string" ? error.requestId : null;
    const issues = Array.isArray(error.issues) ? error.issues.filter(isIssue) : [];
    return new ApiError(response.status, error.code, error.message, requestId, issues);
  }
  // Not the BFF's own answer: a proxy's page in front of it, or a connection cut mid-answer.
  return new ApiError(response.status, "http_error", "The BFF answered without an error body", null);
}
