import { hash } from "node:crypto";
import type { ErrorOut, KoaContextWithOIDC } from "oidc-provider";
import { CONTENT_SECURITY_POLICY, escapeHtml, HTML_HEADERS, htmlDocument } from "../html.ts";

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
 * Submits the sign-out form as soon as the page loads. The script is allowed by its hash alone, so
 * the page's policy still refuses every other script; without JavaScript the visible button does it.
 */
const AUTO_SUBMIT = `document.getElementById("op.logoutForm").requestSubmit(document.getElementById("sign-out"));`;
const AUTO_SUBMIT_POLICY = `${CONTENT_SECURITY_POLICY}; script-src 'sha256-${hash("sha256", AUTO_SUBMIT, "base64")}'`;

/**
 * RP-initiated logout asks for confirmation only when it must (OpenID Connect RP-Initiated Logout
 * 1.0, section 2): a request whose `id_token_hint` oidc-provider has verified (signature, audience,
 * issuer) and that names the account signed in here is the member's own portal signing them out, so
 * it goes ahead at once. Without a hint, or with one for somebody else, anyone could have linked
 * here, and the member is asked.
 */
function hintNamesSignedInAccount(ctx: KoaContextWithOIDC): boolean {
  const hinted = ctx.oidc.entities?.IdTokenHint?.payload.sub;
  const signedIn = ctx.oidc.session?.accountId;
  return typeof hinted === "string" && hinted !== "" && hinted === signedIn;
}

/**
 * `form` is oidc-provider's hidden form (id "op.logoutForm", carrying the xsrf token); our button
 * submits it with logout=yes, which ends the whole provider session, not just this client's.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  if (hintNamesSignedInAccount(ctx)) {
    respond(
      ctx,
      htmlDocument(
        "Signing out · Sandbox identity provider",
        `<h1>Signing you out…</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="sign-out">Continue</button>
<script>${AUTO_SUBMIT}</script>`,
      ),
    );
    ctx.set("Content-Security-Policy", AUTO_SUBMIT_POLICY);
    return;
  }
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
