import { t } from "@lingui/core/macro";
import type { ReactNode } from "react";
import { currentPath, signInHref } from "../../../lib/sign-in.ts";

interface Props {
  className?: string;
  /** Where to come back to; this page by default. */
  returnTo?: string;
  children?: ReactNode;
}

/** A full-page link: sign-in happens on the identity provider's page, then comes back here. */
export function SignInLink({ className = "button-primary", returnTo, children }: Props) {
  return (
    <a href={signInHref(returnTo ?? currentPath())} className={className}>
      {children ?? t`Sign in`}
    </a>
  );
}
