import type { HttpFailure } from "@portal/upstream-http/send-request";
import { UpstreamHttpError } from "@portal/upstream-http/upstream-http-error";
import { describe, expect, it } from "vitest";
import { type AlidaError, alidaErrorForFailure } from "./errors.ts";

describe("alidaErrorForFailure", () => {
  const cause = new Error(
    "connect ECONNREFUSED https://api.test/v1/applications/c/activities/a?token=SECRET",
  );

  it.each([
    [
      { kind: "timeout", timeoutMs: 300 },
      { code: "timeout", status: null },
      "Alida did not answer for activity a within 300 ms",
    ],
    [
      { kind: "network", detail: "ECONNREFUSED", systemCode: "ECONNREFUSED", cause },
      { code: "network", status: null, cause },
      "Could not reach Alida for activity a (ECONNREFUSED)",
    ],
    [
      { kind: "network", detail: "TypeError", systemCode: undefined, cause },
      { code: "network", status: null },
      "Could not reach Alida for activity a",
    ],
    [
      { kind: "body_too_large", status: 200, maxBodyBytes: 10 },
      { code: "bad_response", status: 200 },
      "Alida sent activity a longer than 10 bytes",
    ],
  ] satisfies [HttpFailure, Partial<AlidaError>, string][])("%j → %j", (failure, expected, message) => {
    const error = alidaErrorForFailure(failure, "activity a");
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect(error).toMatchObject({ name: "AlidaError", ...expected });
    expect(error.message).toBe(message);
    expect(error.message).not.toContain("SECRET");
  });
});
