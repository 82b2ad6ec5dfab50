// Whether a database error means "cannot reach the database right now" (down, restarting, out of
// connections) rather than "this query is wrong". The first is worth a retry and is the operator's
// problem, so the API answers 503; the second is a bug, and stays a 500.

/** Socket-level failures on the way to the server. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** SQLSTATEs of a server that is going away or cannot take the connection. */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code)) return true;
    if (code.startsWith("08")) return true; // class 08: connection exception
  }
  // node-postgres reports a connection lost mid-query, or no connection in time, only in words.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}
