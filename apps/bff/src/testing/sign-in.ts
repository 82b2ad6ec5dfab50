import { Agent, formAction } from "@portal/sandbox/testing/agent";

// The whole sign-in dance of a demo account, as a browser does it: the portal's login route, the
// sandbox's identity provider and its form, and back into the portal with a session cookie.

export interface SignInOptions {
  /** "demo" unless given. */
  password?: string;
  returnTo?: string;
  /** Sign in again in this browser (its previous session is revoked; the provider remembers who it was). */
  agent?: Agent;
}

export async function signIn(
  portalUrl: string,
  username: string,
  options: SignInOptions = {},
): Promise<Agent> {
  const agent = options.agent ?? new Agent(portalUrl);
  const returnTo = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : "";
  const start = await agent.get(`/api/auth/login${returnTo}`);
  if (start.status !== 302) throw new Error(`sign-in did not start: ${start.status} ${start.text}`);
  const intoPortal = (next: URL) => next.origin === portalUrl && !next.pathname.startsWith("/api/");
  const loginPage = await agent.follow(start, intoPortal);
  // Signed in at the identity provider already (single sign-on): back in the portal, no form.
  if (loginPage.location) return agent;
  const action = formAction(loginPage.text);
  if (!action) throw new Error(`no login form at ${loginPage.url}`);
  const submitted = await agent.postForm(new URL(action, loginPage.url), {
    username,
    password: options.password ?? "demo",
  });
  await agent.follow(submitted, intoPortal);
  return agent;
}
