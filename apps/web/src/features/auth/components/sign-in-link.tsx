import { strings } from "../../../config/strings.ts";
import { currentPath, signInHref } from "../../../lib/sign-in.ts";

/** A full-page link: sign-in happens on the identity provider's page, then comes back here. */
export function SignInLink({ className = "button-primary" }: { className?: string }) {
  return (
    <a href={signInHref(currentPath())} className={className}>
      {strings.landing.signIn}
    </a>
  );
}
