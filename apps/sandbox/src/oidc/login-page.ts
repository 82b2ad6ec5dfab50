import { escapeHtml, htmlDocument } from "../html.ts";
import type { DemoAccount } from "./provider.ts";

export const LOGIN_ERROR_MESSAGE = "Unknown username or wrong password.";

export interface LoginPageInput {
  /** Where the form posts: the interaction URL, including the mount path. */
  action: string;
  accounts: readonly DemoAccount[];
  username?: string;
  failed?: boolean;
}

// The e2e tests and the architecture contract find these controls by their exact label texts
// ("Username", "Password") and button text ("Sign in"); change them only together with the tests.
export function loginPageHtml({ action, accounts, username = "", failed = false }: LoginPageInput): string {
  const alert = failed ? `<p id="login-error" class="alert" role="alert">${LOGIN_ERROR_MESSAGE}</p>` : "";
  // After a failed attempt the username is kept, so focus and error description go to the password.
  const invalid = failed ? ' aria-invalid="true" aria-describedby="login-error"' : "";
  const rows = accounts
    .map(
      (account) =>
        `<tr><th scope="row"><code>${escapeHtml(account.username)}</code></th><td>${escapeHtml(account.description)}</td></tr>`,
    )
    .join("\n");

  return htmlDocument(
    failed ? "Sign-in failed · Sandbox identity provider" : "Sign in · Sandbox identity provider",
    `<h1>Sandbox sign-in</h1>
<p class="muted">The demo identity provider of the loyalty portal sandbox.</p>
${alert}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${failed ? invalid : " autofocus"}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${failed ? `${invalid} autofocus` : ""}>
<button type="submit">Sign in</button>
</form>
<h2 id="demo-accounts">Demo accounts</h2>
<table aria-labelledby="demo-accounts">
<thead><tr><th scope="col">Account</th><th scope="col">Who it is</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>The password of every demo account is <code>demo</code>. This is a sandbox: never use it in production.</p>`,
  );
}
