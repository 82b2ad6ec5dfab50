import { type DestinationStream, type Logger, pino } from "pino";

// Structured JSON logs. Three layers keep secrets out of them: known fields are redacted by path,
// URLs lose their sensitive query parameters, and as a last guard every configured secret value is
// blanked from the finished line before it is written.

const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-ct-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "*.apiKey",
  "*.api_key",
  "*.clientSecret",
  "*.client_secret",
  "*.password",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.idToken",
  "*.id_token",
];

const SENSITIVE_QUERY =
  /([?&](?:api_key|code|state|token|access_token|id_token_hint|session_state)=)[^&#]*/gi;

/** A URL or path with the values of sensitive query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, "$1[REDACTED]");
}

export interface LoggerOptions {
  level?: string;
  /** Secret values that must never appear in a log line, whatever field they end up in. */
  secrets?: readonly (string | undefined)[];
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 8);
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "portal-bff" },
      redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
      hooks: {
        streamWrite: (line) => secrets.reduce((text, secret) => text.split(secret).join("[REDACTED]"), line),
      },
    },
    destination,
  );
}
