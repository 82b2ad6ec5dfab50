import type { IncomingMessage } from "node:http";

// A login form is two short fields; anything bigger is not a browser submitting our page.
const MAX_FORM_BYTES = 16 * 1024;

export class FormTooLargeError extends Error {}

/** Reads an application/x-www-form-urlencoded body (the only kind our pages submit). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError("form body too large");
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
