import { t } from "@lingui/core/macro";
import type { SignInFailureReason } from "@portal/bff/auth/sign-in-failure";
import { PageHeading } from "../../components/page-heading.tsx";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { Link, useSearch } from "../../lib/router.tsx";
import { Layout } from "../layout.tsx";

// The BFF sends every failed sign-in here with a reason code and the request id to quote. Both come
// from the address bar, which anyone can write: an unknown reason reads as a general failure, and a
// reference that does not look like one of ours is not shown.

const REFERENCE = /^[A-Za-z0-9._:-]{1,64}$/;

/** Every reason the BFF sends; `satisfies` makes a new one a type error until it is worded below. */
const REASONS = {
  expired: true,
  denied: true,
  unavailable: true,
  busy: true,
  unverified: true,
  no_member: true,
  failed: true,
} satisfies Record<SignInFailureReason, true>;

function isReason(value: string | null): value is SignInFailureReason {
  return value !== null && Object.hasOwn(REASONS, value);
}

/** One sentence per reason the BFF sends (`SignInFailureReason`). */
function reasonText(reason: SignInFailureReason): string {
  switch (reason) {
    case "expired":
      return t`That sign-in link has expired or was already used. Sign-in links work once, for ten minutes.`;
    case "denied":
      return t`Sign-in was cancelled, or your account didn't allow access to the portal.`;
    case "unavailable":
      return t`The sign-in service isn't answering right now. Please try again in a few minutes.`;
    case "busy":
      return t`There have been too many sign-in attempts from your network. Please wait a minute, then try again.`;
    case "unverified":
      return t`Your email address isn't verified yet. Verify it with your sign-in provider (look for their email), then sign in again.`;
    case "no_member":
      return t`Your sign-in didn't say which rewards account is yours, so we can't show it. Please contact support and quote the reference below.`;
    case "failed":
      return t`Something went wrong while signing you in. Please try again.`;
  }
}

export function SignInFailed() {
  const params = new URLSearchParams(useSearch());
  const reason = params.get("reason");
  const reference = params.get("ref");
  return (
    <Layout>
      <div className="max-w-2xl space-y-4 py-4">
        <PageHeading>{t`We couldn't sign you in`}</PageHeading>
        <p className="text-lg text-gray-700 dark:text-gray-300">
          {reasonText(isReason(reason) ? reason : "failed")}
        </p>
        {reference && REFERENCE.test(reference) && (
          <p className="text-sm text-gray-600 dark:text-gray-400">{t`Reference: ${reference}`}</p>
        )}
        <div className="flex flex-wrap items-center gap-4 pt-2">
          <SignInLink returnTo="/">{t`Sign in again`}</SignInLink>
          <Link
            to="/"
            className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            {t`Go to the home page`}
          </Link>
        </div>
      </div>
    </Layout>
  );
}
