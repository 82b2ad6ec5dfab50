import { PageHeading } from "../../components/page-heading.tsx";
import { strings } from "../../config/strings.ts";
import { Link } from "../../lib/router.tsx";

export function NotFound() {
  return (
    <div className="space-y-3">
      <PageHeading>{strings.notFound.title}</PageHeading>
      <p className="text-gray-700 dark:text-gray-300">{strings.notFound.text}</p>
      <Link to="/" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
        {strings.notFound.home}
      </Link>
    </div>
  );
}
