import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";
import { DEFAULT_PROGRAM_CONFIG } from "./program-config.ts";

const secret = "s3cret-value-long-enough";
const production = {
  NODE_ENV: "production",
  PUBLIC_URL: "https://rewards.example.com",
  CROWDTWIST_BASE_URL: "https://apibrand.crowdtwist.com",
  CROWDTWIST_API_KEY: secret,
  ALIDA_BASE_URL: "https://api.us.alida.com",
  ALIDA_CLIENT_SECRET: secret,
  OIDC_ISSUER: "https://id.example.com",
  OIDC_CLIENT_SECRET: secret,
  LIVE_PUSH_API_KEY: secret,
  METRICS_TOKEN: secret,
  PROGRAM_CONFIG: "/etc/portal/program.json",
};
const demoLink = join(mkdtempSync(join(tmpdir(), "portal-env-")), "program.json");
symlinkSync(DEFAULT_PROGRAM_CONFIG, demoLink);

describe("parseEnv", () => {
  it("needs only the two secrets to run against the sandbox", () => {
    expect(() => parseEnv({})).toThrow(/CROWDTWIST_API_KEY[\s\S]*OIDC_CLIENT_SECRET/);
    const env = parseEnv({ CROWDTWIST_API_KEY: "sandbox-key", OIDC_CLIENT_SECRET: "sandbox-secret" });
    expect(env).toMatchObject({ PORT: 3000, CROWDTWIST_ID_TYPE: "third_party_id" });
    expect(env.publicUrl).toBe("http://localhost:3000");
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ ...production, PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ ...production, CROWDTWIST_ID_TYPE: "google_user_id" })).toThrow(
      /CROWDTWIST_ID_TYPE/,
    );
  });

  it.each([
    ["default: two years", undefined, 730],
    ["0 keeps the history for ever", "0", 0],
    ["400 days", "400", 400],
  ])("keeps the points history: %s", (_name, value, days) => {
    const env = parseEnv({
      CROWDTWIST_API_KEY: "sandbox-key",
      OIDC_CLIENT_SECRET: "sandbox-secret",
      ...(value === undefined ? {} : { HISTORY_RETENTION_DAYS: value }),
    });
    expect(env.HISTORY_RETENTION_DAYS).toBe(days);
  });

  it.each(["399", "30", "-1", "1.5", "a year"])("refuses HISTORY_RETENTION_DAYS=%s", (value) => {
    expect(() =>
      parseEnv({
        CROWDTWIST_API_KEY: "sandbox-key",
        OIDC_CLIENT_SECRET: "sandbox-secret",
        HISTORY_RETENTION_DAYS: value,
      }),
    ).toThrow(/HISTORY_RETENTION_DAYS/);
  });

  it("maps members by email when told to (the document's user_id may be an email address)", () => {
    const env = parseEnv({ ...production, CROWDTWIST_ID_TYPE: "email", CROWDTWIST_ID_CLAIM: "email" });
    expect([env.CROWDTWIST_ID_TYPE, env.CROWDTWIST_ID_CLAIM]).toEqual(["email", "email"]);
  });

  it("accepts a complete production configuration", () => {
    expect(parseEnv(production).NODE_ENV).toBe("production");
  });

  it.each([
    [
      "the sandbox's CrowdTwist",
      { CROWDTWIST_BASE_URL: "http://localhost:4010" },
      /CROWDTWIST_BASE_URL: points at the local sandbox/,
    ],
    ["a plain-http issuer", { OIDC_ISSUER: "http://id.example.com" }, /OIDC_ISSUER: must be an https/],
    ["a missing Alida secret", { ALIDA_CLIENT_SECRET: undefined }, /ALIDA_CLIENT_SECRET: is required/],
    ["no webhook credential", { LIVE_PUSH_API_KEY: undefined }, /LIVE_PUSH_API_KEY/],
    ["a short secret", { ALIDA_CLIENT_SECRET: "short" }, /ALIDA_CLIENT_SECRET: must be at least 16/],
    ["public metrics", { METRICS_TOKEN: undefined }, /METRICS_TOKEN: is required in production/],
    ["a short metrics token", { METRICS_TOKEN: "short" }, /METRICS_TOKEN: must be at least 16/],
    ["no program config", { PROGRAM_CONFIG: undefined }, /PROGRAM_CONFIG: is required in production/],
    ["a blank program config", { PROGRAM_CONFIG: " " }, /PROGRAM_CONFIG: is required in production/],
    ["the demo program", { PROGRAM_CONFIG: DEFAULT_PROGRAM_CONFIG }, /PROGRAM_CONFIG: is the demo program/],
    [
      "the demo program by a relative path",
      { PROGRAM_CONFIG: relative(process.cwd(), DEFAULT_PROGRAM_CONFIG) },
      /PROGRAM_CONFIG: is the demo program/,
    ],
    ["the demo program through a link", { PROGRAM_CONFIG: demoLink }, /PROGRAM_CONFIG: is the demo program/],
  ])("refuses %s in production", (_name, change, message) => {
    expect(() => parseEnv({ ...production, ...change })).toThrow(message);
  });

  it("accepts Basic credentials for the webhook instead of a key", () => {
    const env = {
      ...production,
      LIVE_PUSH_API_KEY: undefined,
      LIVE_PUSH_BASIC_USER: "ct",
      LIVE_PUSH_BASIC_PASSWORD: secret,
    };
    expect(() => parseEnv(env)).not.toThrow();
  });

  it("parses the webhook's IP allowlist and names a bad entry", () => {
    expect(parseEnv({ ...production, LIVE_PUSH_ALLOWED_IPS: "203.0.113.0/24, 2001:db8::/32" })).toMatchObject(
      {
        LIVE_PUSH_ALLOWED_IPS: "203.0.113.0/24, 2001:db8::/32",
        LIVE_PUSH_THIRD_PARTY_ID_SYNC: false,
      },
    );
    expect(() =>
      parseEnv({ ...production, LIVE_PUSH_ALLOWED_IPS: "203.0.113.0/24, crowdtwist.com" }),
    ).toThrow(/LIVE_PUSH_ALLOWED_IPS: "crowdtwist.com" is not an IP or CIDR/);
  });

  it("parses the trusted proxies and names a bad entry", () => {
    const dev = { CROWDTWIST_API_KEY: "sandbox-key", OIDC_CLIENT_SECRET: "sandbox-secret" };
    expect(parseEnv(dev).TRUSTED_PROXIES).toBeUndefined();
    expect(parseEnv({ ...dev, TRUSTED_PROXIES: "  " }).TRUSTED_PROXIES).toBeUndefined();
    const list = "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8, ::ffff:192.0.2.1";
    expect(parseEnv({ ...production, TRUSTED_PROXIES: list }).TRUSTED_PROXIES).toBe(list);
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/", "*", "10.0.0.0/8;127.0.0.1"]) {
      expect(() => parseEnv({ ...dev, TRUSTED_PROXIES: `127.0.0.1, ${bad}` }), bad).toThrow(
        new RegExp(`TRUSTED_PROXIES: "${bad.replace(/[.*/]/g, "\\$&")}" is not an IP or CIDR`),
      );
    }
  });

  it("refuses third-party-id sync without an allowlist, since it runs without authentication", () => {
    const dev = { CROWDTWIST_API_KEY: "sandbox-key", OIDC_CLIENT_SECRET: "sandbox-secret" };
    expect(() => parseEnv({ ...dev, LIVE_PUSH_THIRD_PARTY_ID_SYNC: "true" })).toThrow(
      /LIVE_PUSH_THIRD_PARTY_ID_SYNC: .*LIVE_PUSH_ALLOWED_IPS/,
    );
    const sync = { LIVE_PUSH_THIRD_PARTY_ID_SYNC: "true", LIVE_PUSH_ALLOWED_IPS: "203.0.113.0/24" };
    expect(parseEnv({ ...dev, ...sync }).LIVE_PUSH_THIRD_PARTY_ID_SYNC).toBe(true);
    // In production the allowlist stands in for the webhook credential.
    expect(() => parseEnv({ ...production, LIVE_PUSH_API_KEY: undefined, ...sync })).not.toThrow();
    expect(() => parseEnv({ ...dev, LIVE_PUSH_THIRD_PARTY_ID_SYNC: "yes" })).toThrow(
      /LIVE_PUSH_THIRD_PARTY_ID_SYNC/,
    );
  });

  it("never puts a secret in its error message", () => {
    const run = () => parseEnv({ ...production, CROWDTWIST_BASE_URL: "http://localhost:4010" });
    expect(run).toThrow();
    try {
      run();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });
});

describe("PROGRAM_TIME_ZONE", () => {
  const sandbox = { CROWDTWIST_API_KEY: "sandbox-key", OIDC_CLIENT_SECRET: "sandbox-secret" };

  it("defaults to UTC and keeps an IANA name in its canonical spelling", () => {
    expect(parseEnv(sandbox).PROGRAM_TIME_ZONE).toBe("UTC");
    expect(parseEnv({ ...sandbox, PROGRAM_TIME_ZONE: "America/New_York" }).PROGRAM_TIME_ZONE).toBe(
      "America/New_York",
    );
    expect(parseEnv({ ...sandbox, PROGRAM_TIME_ZONE: " europe/london " }).PROGRAM_TIME_ZONE).toBe(
      "Europe/London",
    );
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an offset, which ignores summer time", "+05:00"],
    ["blank", "   "],
    ["a path", "../../etc/localtime"],
  ])("refuses %s, naming the variable", (_name, value) => {
    expect(() => parseEnv({ ...sandbox, PROGRAM_TIME_ZONE: value })).toThrow(
      /PROGRAM_TIME_ZONE: must be an IANA/,
    );
  });
});
