import { describe, expect, it } from "vitest";
import { parseJson } from "./json-text.ts";
import { isTransportFailure, UpstreamHttpError } from "./upstream-http-error.ts";

describe("UpstreamHttpError", () => {
  it("carries the code, the status and the cause", () => {
    const cause = new Error("socket");
    const error = new UpstreamHttpError("no answer", { code: "network", status: null, cause });
    expect(error).toMatchObject({ name: "UpstreamHttpError", code: "network", status: null, cause });
    expect(error.message).toBe("no answer");
  });

  it("has no cause unless it is given one", () => {
    expect("cause" in new UpstreamHttpError("x", { code: "network", status: null })).toBe(false);
  });

  it.each([
    ["timeout", null, true],
    ["network", 502, true],
    ["bad_response", 502, false],
    ["upstream_error", 503, false],
  ] as const)("%s (%s) is a transport failure: %s", (code, status, expected) => {
    expect(isTransportFailure(new UpstreamHttpError("x", { code, status }))).toBe(expected);
  });

  it("is not fooled by a look-alike", () => {
    expect(isTransportFailure({ code: "timeout", status: null })).toBe(false);
    expect(isTransportFailure(new DOMException("late", "TimeoutError"))).toBe(false);
  });
});

describe("parseJson", () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ["null", null],
    ["<html>", undefined],
    ["", undefined],
  ])("%j → %j", (text, value) => {
    expect(parseJson(text)).toEqual(value);
  });
});
