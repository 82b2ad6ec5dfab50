import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrl } from "./logger.ts";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe("logger redaction", () => {
  it.each([
    [
      "/v2/users/ava/activities?api_key=QWERTYP&id_type=third_party_id",
      "/v2/users/ava/activities?api_key=[REDACTED]&id_type=third_party_id",
    ],
    ["/api/auth/callback?code=abc&state=xyz", "/api/auth/callback?code=[REDACTED]&state=[REDACTED]"],
    [
      "/session/end?id_token_hint=eyJ.x.y&post_logout_redirect_uri=/",
      "/session/end?id_token_hint=[REDACTED]&post_logout_redirect_uri=/",
    ],
    ["/api/me/activities", "/api/me/activities"],
  ])("redactUrl(%j)", (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it("redacts secret fields and headers by path", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination });
    logger.info({
      req: {
        headers: {
          cookie: "__Host-portal.sid=abc",
          authorization: "Bearer tok",
          "x-ct-authorization": "CTApiKey k",
        },
      },
      upstream: { apiKey: "k", clientSecret: "s", access_token: "t" },
    });
    const line = lines.join("");
    for (const leaked of ["__Host-portal.sid=abc", "Bearer tok", "CTApiKey k", '"k"', '"s"', '"t"']) {
      expect(line).not.toContain(leaked);
    }
    expect(line).toContain("[REDACTED]");
  });

  it("blanks a configured secret wherever it appears, even inside a message", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination, secrets: ["super-secret-api-key-123"] });
    logger.error(
      { err: new Error("upstream said: bad key super-secret-api-key-123") },
      "failed with super-secret-api-key-123",
    );
    const line = lines.join("");
    expect(line).not.toContain("super-secret-api-key-123");
    expect(line.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
