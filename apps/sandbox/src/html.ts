import { hash } from "node:crypto";
import type { ServerResponse } from "node:http";

// One stylesheet for every page the provider renders. It is inline (no external assets), and its
// hash goes into the CSP so the pages work under a policy that allows no inline script at all.
const STYLES = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: #f3f4f6; color: #111827; line-height: 1.5; }
main { max-width: 28rem; margin: 2.5rem auto; padding: 2rem; background: #fff; border-radius: 0.5rem;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.125rem; margin: 2rem 0 0.5rem; }
p { margin: 0.5rem 0; }
.muted { color: #4b5563; }
label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
input { box-sizing: border-box; width: 100%; padding: 0.5rem 0.75rem; font: inherit; color: inherit;
  border: 1px solid #6b7280; border-radius: 0.375rem; }
button { margin-top: 1.5rem; width: 100%; padding: 0.625rem 1rem; font: inherit; font-weight: 600;
  color: #fff; background: #1d4ed8; border: 0; border-radius: 0.375rem; cursor: pointer; }
button:hover { background: #1e40af; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.alert { padding: 0.75rem 1rem; border: 1px solid #b91c1c; border-radius: 0.375rem; background: #fef2f2;
  color: #991b1b; }
table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; }
th, td { text-align: left; padding: 0.375rem 0.5rem; border-bottom: 1px solid #d1d5db; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

const STYLE_HASH = hash("sha256", STYLES, "base64");

// No form-action: browsers apply it to the redirect chain after a form post, and the login and
// logout forms legitimately end with a redirect to the relying party on another origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Wraps already-escaped body markup in the shared document shell. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export const HTML_HEADERS: Record<string, string> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...HTML_HEADERS, "Content-Length": Buffer.byteLength(html) });
  res.end(html);
}
