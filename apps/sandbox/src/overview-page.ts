import type { SandboxEnv } from "./env.ts";
import { escapeHtml, htmlDocument } from "./html.ts";
import type { ProgramState } from "./program/state.ts";

// A page for people who open the sandbox's URL: what it is, who can sign in, what it serves.
export function overviewPage(env: SandboxEnv, state: ProgramState): string {
  const rows = state
    .members()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.username)}</td><td>${escapeHtml(state.tier(m.tierId)?.title ?? "")}</td><td>${m.timeframeScore}</td></tr>`,
    )
    .join("");
  return htmlDocument(
    "Loyalty sandbox",
    `<h1>Loyalty sandbox</h1>
<p class="muted">A local stand-in for CrowdTwist v2, Alida v1 and the brand's sign-in provider, with a seeded demo program. It never runs in production.</p>
<h2>Demo members</h2>
<table><thead><tr><th scope="col">Username</th><th scope="col">Tier</th><th scope="col">Tier score</th></tr></thead><tbody>${rows}</tbody></table>
<p>Every demo account, and the program manager <code>morgan</code>, uses the password <code>demo</code>.</p>
<h2>Served here</h2>
<ul>
<li>CrowdTwist: <code>/v2/users/{user_id}/activities</code>, <code>/v2/activities/{id}/extended</code></li>
<li>Alida: <code>/oauth/token</code>, <code>/v1/applications/${escapeHtml(env.ALIDA_COMMUNITY)}/activities/{id}</code></li>
<li>Sign-in (OpenID Connect): <code>/oidc/.well-known/openid-configuration</code></li>
<li>Live Push to <code>${escapeHtml(env.livePushUrl)}</code></li>
</ul>`,
  );
}
