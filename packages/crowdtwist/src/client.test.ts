import type { HttpFailure } from "@portal/upstream-http/send-request";
import { UpstreamHttpError } from "@portal/upstream-http/upstream-http-error";
import { describe, expect, it } from "vitest";
import { encodePathSegment } from "./client.ts";
import { CrowdTwistError, crowdTwistErrorForFailure } from "./errors.ts";
import { describeSchemaFailure } from "./schema-failure.ts";
import { userActivitiesResponseSchema } from "./user-activity.ts";

// The client over real HTTP is tested against the sandbox (apps/sandbox/src/crowdtwist/contract.test.ts).

describe("encodePathSegment", () => {
  it.each([
    ["6566", "6566"],
    ["alice@crowdtwist.com", "alice%40crowdtwist.com"],
    ["../activities/101/extended", "..%2Factivities%2F101%2Fextended"],
    ["...", "..."],
    ["a b?c#d", "a%20b%3Fc%23d"],
  ])("%j → %j", (input, expected) => {
    expect(encodePathSegment(input)).toBe(expected);
  });

  it.each(["", ".", ".."])("refuses %j, which no encoding keeps inside its segment", (input) => {
    expect(encodePathSegment(input)).toBeNull();
  });
});

describe("describeSchemaFailure", () => {
  it("names the failing path and never the value", () => {
    const result = userActivitiesResponseSchema.safeParse([
      {
        id: 1,
        title: "t",
        description: "d",
        num_points: 1,
        image: "i",
        type_id: "1",
        is_hidden_by_tier: false,
        is_locked_by_tier: false,
        campaigns: [{ title: "c", multiplier: "private-value", point_gift: 1 }],
      },
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeSchemaFailure(result.error);
    expect(text).toMatch(/^\[0\]\.campaigns\[0\]\.multiplier: /);
    expect(text).not.toContain("private-value");
  });
});

describe("CrowdTwistError", () => {
  it("carries status, code and the upstream message", () => {
    const error = new CrowdTwistError({
      status: 403,
      code: "invalid_auth",
      operation: "GET /v2/activities/{activity_id}/extended",
      upstreamMessage: "Invalid access credentials.",
    });
    expect(error).toMatchObject({ name: "CrowdTwistError", status: 403, code: "invalid_auth" });
    expect(error.message).toBe(
      "CrowdTwist GET /v2/activities/{activity_id}/extended failed: 403 invalid_auth (Invalid access credentials.)",
    );
  });
});

describe("crowdTwistErrorForFailure", () => {
  const operation = "GET /v2/users/{user_id}/activities";
  const cause = new Error("connect ECONNREFUSED https://api.test/v2/users/ava@example.com/activities");

  it.each([
    [{ kind: "timeout", timeoutMs: 300 }, 504, "timeout", "no answer within 300 ms"],
    [
      { kind: "network", detail: "ECONNREFUSED", systemCode: "ECONNREFUSED", cause },
      502,
      "network",
      "ECONNREFUSED",
    ],
    [{ kind: "body_too_large", status: 200, maxBodyBytes: 10 }, 502, "bad_response", "body over 10 bytes"],
    [{ kind: "body_too_large", status: 503, maxBodyBytes: 10 }, 503, "bad_response", "body over 10 bytes"],
  ] satisfies [HttpFailure, number, string, string][])("%j → %i %s", (failure, status, code, detail) => {
    const error = crowdTwistErrorForFailure(failure, operation);
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect(error).toMatchObject({ name: "CrowdTwistError", status, code, operation });
    expect(error.message).toBe(`CrowdTwist ${operation} failed: ${status} ${code} (${detail})`);
    expect(error.message).not.toContain("ava@example.com");
  });
});
