import { AlidaError } from "@portal/alida/errors";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { describe, expect, it } from "vitest";
import { type FailureKind, failureKind, isRetryable } from "./failure-kind.ts";

const ct = (status: number, code: string) => new CrowdTwistError({ status, code, operation: "GET /x" });
const alida = (code: ConstructorParameters<typeof AlidaError>[0], status: number | null = null) =>
  new AlidaError(code, "test", { status });

const cases: [string, unknown, FailureKind, boolean][] = [
  ["CrowdTwist timeout", ct(504, "timeout"), "transient", true],
  ["CrowdTwist network", ct(502, "network"), "transient", true],
  ["CrowdTwist 500", ct(500, "internal_error"), "transient", true],
  ["CrowdTwist 503 with an undocumented body", ct(503, "bad_response"), "transient", true],
  ["CrowdTwist 2xx it could not parse", ct(502, "bad_response"), "other", false],
  ["CrowdTwist 429", ct(429, "invalid"), "throttled", true],
  ["CrowdTwist user not found", ct(404, "page_not_found"), "answer", false],
  ["CrowdTwist no data", ct(404, "no_data"), "answer", false],
  ["CrowdTwist invalid auth", ct(401, "invalid_auth"), "answer", false],
  ["Alida timeout", alida("timeout"), "transient", true],
  ["Alida 503", alida("upstream_error", 503), "transient", true],
  ["Alida 429", alida("rate_limited", 429), "throttled", true],
  ["Alida 404", alida("not_found", 404), "answer", false],
  ["Alida bad response", alida("bad_response", 200), "other", false],
  ["a caller's abort", new DOMException("aborted", "AbortError"), "other", false],
  ["a bug", new TypeError("x is undefined"), "other", false],
];

describe("failure kinds", () => {
  it.each(cases)("%s", (_name, error, kind, retryable) => {
    expect(failureKind(error)).toBe(kind);
    expect(isRetryable(error)).toBe(retryable);
  });
});
