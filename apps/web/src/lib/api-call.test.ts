import { afterEach, describe, expect, test, vi } from "vitest";
import { apiCall, apiJson } from "./api-call.ts";
import { api } from "./api-client.ts";
import { ApiError, fieldsInError } from "./api-error.ts";

// The one path from a typed call to data or an ApiError, with answers as the BFF (or something in
// front of it) gives them, through the typed client the app uses.

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The next call gets this answer (or this failure). */
function answer(response: () => Response) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => response()),
  );
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const previewInput = { idType: "third_party_id", userId: "ava", reason: "Support ticket 4711" } as const;

describe("apiJson", () => {
  test("a 2xx is its JSON", async () => {
    answer(json(200, { status: "ok", upstreams: [] }));
    expect(await apiJson(() => api.api.status.$get())).toEqual({ status: "ok", upstreams: [] });
  });

  test("an error answer is an ApiError with its code, request id and issues by path", async () => {
    answer(
      json(400, {
        error: {
          code: "invalid_preview_request",
          message: "userId must be the member's id, as text.",
          requestId: "req-1",
          issues: [
            { path: "userId", message: "userId must be the member's id, as text." },
            { path: "reason", message: "Say why…" },
            { path: 3, message: "not an issue: its path is no text" },
          ],
        },
      }),
    );
    const error = await rejection(
      apiJson(() => api.api.manager["preview-member"].$post({ json: previewInput })),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_preview_request", requestId: "req-1" });
    expect((error as ApiError).issues.map((issue) => issue.path)).toEqual(["userId", "reason"]);
    // In the form's order, whatever the order of the issues.
    expect(fieldsInError(error, ["idType", "reason", "userId"] as const)).toEqual(["reason", "userId"]);
  });

  test("an error answer without issues names no field, whatever its message says", async () => {
    answer(
      json(400, {
        error: { code: "invalid_preview_request", message: "reason is too short", requestId: "r" },
      }),
    );
    const error = await rejection(
      apiJson(() => api.api.manager["preview-member"].$post({ json: previewInput })),
    );
    expect((error as ApiError).issues).toEqual([]);
    expect(fieldsInError(error, ["reason"] as const)).toEqual([]);
  });

  test("a page from a proxy instead of the BFF's answer is still an ApiError a member can act on", async () => {
    answer(() => new Response("<html>502 Bad Gateway</html>", { status: 502 }));
    const error = await rejection(apiJson(() => api.api.status.$get()));
    expect(error).toMatchObject({ status: 502, code: "http_error", requestId: null, issues: [] });
  });

  test("a 2xx whose body is not JSON is an ApiError, not a SyntaxError", async () => {
    answer(() => new Response("<html>portal</html>", { status: 200 }));
    const error = await rejection(apiJson(() => api.api.status.$get()));
    expect(error).toMatchObject({ status: 200, code: "bad_response" });
  });

  test("a call that never reached the BFF is a network error; a cancel stays a cancel", async () => {
    answer(() => {
      throw new TypeError("fetch failed");
    });
    expect(await rejection(apiJson(() => api.api.status.$get()))).toMatchObject({
      status: 0,
      code: "network_error",
    });
    answer(() => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    const cancelled = await rejection(apiJson(() => api.api.status.$get()));
    expect(cancelled).not.toBeInstanceOf(ApiError);
    expect((cancelled as Error).name).toBe("AbortError");
  });
});

describe("apiCall", () => {
  test("lets a 304 through to the caller that asked with If-None-Match", async () => {
    answer(() => new Response(null, { status: 304 }));
    const response = await apiCall(() =>
      api.api.me.activities.$get(undefined, { headers: { "if-none-match": '"abc"' } }),
    );
    expect(response.status as number).toBe(304);
  });
});
