import { PageHeading } from "../../../components/page-heading.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { Skeleton } from "../../../components/skeleton.tsx";
import { managerMessages as s } from "../messages.ts";
import { ActivityBrowser } from "./activity-browser.tsx";
import { LookupForm } from "./lookup-form.tsx";

function BrowserSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-3">
      <Skeleton className="h-20 w-full" />
      <Skeleton className="h-5 w-32" />
      <div className="grid gap-3 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28 w-full" />
        ))}
      </div>
    </div>
  );
}

export function FindActivitiesPage() {
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading>{s.find.title}</PageHeading>
        <p className="max-w-prose text-gray-700 dark:text-gray-300">{s.find.lead}</p>
      </div>
      <section aria-labelledby="lookup-heading" className="space-y-3">
        <h2 id="lookup-heading" className="text-xl font-semibold">
          {s.find.lookupHeading}
        </h2>
        <LookupForm />
      </section>
      <section aria-labelledby="browse-heading" className="space-y-3">
        <h2 id="browse-heading" className="text-xl font-semibold">
          {s.find.browseHeading}
        </h2>
        <p className="max-w-prose text-sm text-gray-700 dark:text-gray-300">{s.find.browseLead}</p>
        <QueryBoundary fallback={<BrowserSkeleton />} errorTitle={s.errors.activities}>
          <ActivityBrowser />
        </QueryBoundary>
      </section>
    </div>
  );
}
