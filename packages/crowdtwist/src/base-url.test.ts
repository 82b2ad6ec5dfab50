import { describe, expect, it } from "vitest";
import { crowdTwistBaseUrl } from "./base-url.ts";

describe("crowdTwistBaseUrl", () => {
  it.each([
    [{ clientId: "1234" }, "https://api1234.crowdtwist.com"],
    [{ clientId: 1234, environment: "" }, "https://api1234.crowdtwist.com"],
    [{ clientId: "1234", environment: "stg" }, "https://stgapi1234.crowdtwist.com"],
    [{ url: "http://127.0.0.1:4010/" }, "http://127.0.0.1:4010"],
    [{ url: "https://gateway.example.com/crowdtwist/" }, "https://gateway.example.com/crowdtwist"],
  ])("%j → %s", (config, expected) => {
    expect(crowdTwistBaseUrl(config)).toBe(expected);
  });

  it.each([
    [{ clientId: "" }],
    [{ clientId: "12.evil.com/x" }],
    [{ clientId: "1234", environment: "stg." }],
    [{ url: "not a url" }],
    [{ url: "ftp://example.com" }],
    [{ url: "https://example.com/?api_key=secret" }],
    [{ url: "https://user:pw@example.com" }],
  ])("refuses %j", (config) => {
    expect(() => crowdTwistBaseUrl(config)).toThrow(TypeError);
  });

  it("never repeats a refused URL's query in its message", () => {
    expect(() => crowdTwistBaseUrl({ url: "https://example.com/?api_key=secret" })).not.toThrow(/secret/);
  });
});
