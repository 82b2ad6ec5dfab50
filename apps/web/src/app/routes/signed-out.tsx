import { PageHeading } from "../../components/page-heading.tsx";
import { strings } from "../../config/strings.ts";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { Link } from "../../lib/router.tsx";
import { Layout } from "../layout.tsx";

/** Where sign-out ends, whichever identity provider pages came in between. */
export function SignedOut() {
  return (
    <Layout>
      <div className="max-w-2xl space-y-4 py-4">
        <PageHeading>{strings.signedOut.title}</PageHeading>
        <p className="text-lg text-gray-700 dark:text-gray-300">{strings.signedOut.text}</p>
        <div className="flex flex-wrap items-center gap-4 pt-2">
          {/* Back to the home page afterwards, not to this one. */}
          <SignInLink returnTo="/">{strings.signedOut.signInAgain}</SignInLink>
          <Link
            to="/"
            className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            {strings.signedOut.home}
          </Link>
        </div>
      </div>
    </Layout>
  );
}
