// A write that fails is either the database being unavailable — down, restarting, out of
// connections: resending later will work, so the sender is asked to retry (503) — or the database
// refusing this very data, which fails the same way on every resend (422). The schema is meant to
// refuse such data first; this is the backstop, so a gap in it costs one refused push instead of
// eight hours of retries with the member's later pushes queued behind.

/** SQLSTATE classes that are about the data: 22 data exception (bad text, date, number), 54
 *  program limit exceeded (a key too large for its index). Both drivers put the code on the error. */
const DATA_REFUSAL_CLASSES = ["22", "54"];

export function isDataRefusal(error: unknown): boolean {
  const code = error !== null && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.length === 5 && DATA_REFUSAL_CLASSES.includes(code.slice(0, 2));
}
