import type { SignInFailureReason } from "@portal/bff/auth/sign-in-failure";
import { PageHeading } from "../../components/page-heading.tsx";
import { strings } from "../../config/strings.ts";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { Link, useSearch } from "../../lib/router.tsx";
import { Layout } from "../layout.tsx";

// The BFF sends every failed sign-in here with a reason code and the request id to quote. Both come
// from the address bar, which anyone can write: an unknown reason reads as a general failure, and a
// reference that does not look like one of ours is not shown.

const REFERENCE = /^[A-Za-z0-9._:-]{1,64}$/;

function isReason(value: string | null): value is SignInFailureReason {
  return value !== null && Object.hasOwn(strings.signInFailed.reasons, value);
}

export function SignInFailed() {
  const params = new URLSearchParams(useSearch());
  const reason = params.get("reason");
  const reference = params.get("ref");
  const text = strings.signInFailed.reasons[isReason(reason) ? reason : "failed"];
  return (
    <Layout>
      <div className="max-w-2xl space-y-4 py-4">
        <PageHeading>{strings.signInFailed.title}</PageHeading>
        <p className="text-lg text-gray-700 dark:text-gray-300">{text}</p>
        {reference && REFERENCE.test(reference) && (
          <p className="text-sm text-gray-600 dark:text-gray-400">{strings.errors.reference(reference)}</p>
        )}
        <div className="flex flex-wrap items-center gap-4 pt-2">
          <SignInLink returnTo="/">{strings.signInFailed.signInAgain}</SignInLink>
          <Link
            to="/"
            className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            {strings.signInFailed.home}
          </Link>
        </div>
      </div>
    </Layout>
  );
}
