import { t } from "@lingui/core/macro";
import { PageHeading } from "../../components/page-heading.tsx";
import { Link } from "../../lib/router.tsx";

export function NotFound() {
  return (
    <div className="space-y-3">
      <PageHeading>{t`Page not found`}</PageHeading>
      <p className="text-gray-700 dark:text-gray-300">{t`There's nothing at this address.`}</p>
      <Link to="/" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
        {t`Go to the home page`}
      </Link>
    </div>
  );
}
