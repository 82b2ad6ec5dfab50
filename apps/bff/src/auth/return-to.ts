// Where to send a member after sign-in. Only a path on this site is accepted; anything that could
// leave it (`https://evil.test`, `//evil.test`, `/\evil.test`, control characters) lands on home.

const SAFE_PATH = /^\/(?![/\\])[^\s\\]*$/;

export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > 2048 || !SAFE_PATH.test(value)) return "/";
  // Resolve against a dummy origin: if the browser would leave it, so would the member.
  try {
    const resolved = new URL(value, "https://portal.invalid");
    // Dot-segments can collapse into a leading `//` (`/.//evil.test`), which a browser reads as a host.
    if (resolved.origin !== "https://portal.invalid" || /^\/[/\\]/.test(resolved.pathname)) return "/";
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return "/";
  }
}

/** Where a program manager starts when sign-in was not asked for from a particular page. */
export const MANAGER_HOME = "/manage";

/**
 * Where the callback sends the browser. A manager who started from the home page (or from nowhere)
 * lands on the manager area, since the member home has nothing for them; any other page asked for
 * is kept. `returnTo` is already safe (`safeReturnTo`), so this only ever picks between two paths.
 */
export function landingAfterSignIn(returnTo: string, isManager: boolean): string {
  return isManager && returnTo === "/" ? MANAGER_HOME : returnTo;
}
