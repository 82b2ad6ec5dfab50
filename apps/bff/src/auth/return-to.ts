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
