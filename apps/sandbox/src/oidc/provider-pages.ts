import type { ErrorOut, KoaContextWithOIDC } from "oidc-provider";
import { escapeHtml, HTML_HEADERS, htmlDocument } from "../html.ts";

// The render hooks oidc-provider calls for pages it owns (errors, RP-initiated logout). Its
// defaults load Google Fonts and its auto-submitting logout form needs inline script; ours need
// neither, so they work offline and under a strict CSP.

function respond(ctx: KoaContextWithOIDC, html: string): void {
  for (const [name, value] of Object.entries(HTML_HEADERS)) ctx.set(name, value);
  ctx.type = "html";
  ctx.body = html;
}

export function errorPageHtml(title: string, message: string): string {
  return htmlDocument(
    `${title} · Sandbox identity provider`,
    `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="muted">Go back to the portal and start signing in again.</p>`,
  );
}

/** `out` is oidc-provider's public error shape; the Error itself (and its stack) stays server-side. */
export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  const message = out.error_description ? `${out.error}: ${out.error_description}` : out.error;
  respond(ctx, errorPageHtml("Sign-in request rejected", message));
}

/**
 * `form` is oidc-provider's hidden form (id "op.logoutForm", carrying the xsrf token); our button
 * submits it with logout=yes, which ends the whole provider session, not just this client's.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId;
  const from = client ? ` and return to ${escapeHtml(client)}` : "";
  respond(
    ctx,
    htmlDocument(
      "Sign out · Sandbox identity provider",
      `<h1>Sign out of the sandbox?</h1>
<p>You will be signed out of the sandbox identity provider${from}.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
    ),
  );
}

/** Shown only when the RP sent no post_logout_redirect_uri; otherwise the provider redirects there. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  respond(
    ctx,
    htmlDocument(
      "Signed out · Sandbox identity provider",
      `<h1>You are signed out</h1>
<p>You have been signed out of the sandbox identity provider. You can close this tab.</p>`,
    ),
  );
}
