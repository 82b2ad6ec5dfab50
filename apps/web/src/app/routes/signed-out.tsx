import { t } from "@lingui/core/macro";
import { PageHeading } from "../../components/page-heading.tsx";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { Link } from "../../lib/router.tsx";
import { Layout } from "../layout.tsx";

/** Where sign-out ends, whichever identity provider pages came in between. */
export function SignedOut() {
  return (
    <Layout>
      <div className="max-w-2xl space-y-4 py-4">
        <PageHeading>{t`You're signed out`}</PageHeading>
        <p className="text-lg text-gray-700 dark:text-gray-300">{t`You've signed out of the loyalty portal. On a shared computer, close the browser too.`}</p>
        <div className="flex flex-wrap items-center gap-4 pt-2">
          {/* Back to the home page afterwards, not to this one. */}
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
