import { useQuery } from "@tanstack/react-query";
import { ErrorPanel } from "../../../components/error-panel.tsx";
import { PageHeading } from "../../../components/page-heading.tsx";
import { Skeleton } from "../../../components/skeleton.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { brandLang } from "../../../lib/brand.ts";
import { errorText } from "../../../lib/error-text.ts";
import { Link, useSearch } from "../../../lib/router.tsx";
import { type ActivityPreview, activityPreviewQuery } from "../api/manager-queries.ts";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";
import { ActivityFacts } from "./activity-facts.tsx";
import { AlidaPanel } from "./alida-panel.tsx";
import { MemberCardPreview } from "./member-card-preview.tsx";
import { PersonaChecks } from "./persona-checks.tsx";
import { TierPicker } from "./tier-picker.tsx";
import { VisibilityGrid } from "./visibility-grid.tsx";

// One activity for a manager: what it is, who sees it how, what CrowdTwist says for each persona,
// the card each tier gets, and the Alida side. `?tier=345` picks a tier (a shareable deep link).

const SECTION =
  "rounded-2xl border border-gray-200 bg-white p-4 sm:p-5 dark:border-gray-700 dark:bg-gray-900";

function BackLink() {
  return (
    <Link
      to={managerPaths.find}
      className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
    >
      ← {s.detail.back}
    </Link>
  );
}

function DetailSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-6">
      <Skeleton className="h-9 w-2/3" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}

function Detail({ preview, tierId }: { preview: ActivityPreview; tierId: string | null }) {
  const { activity } = preview;
  const selected = preview.matrix.tiers.some((t) => t.id === tierId) ? tierId : null;
  // What members read: the public title, or the internal one where none is set.
  const heading = activity.publicTitle.trim() ? activity.publicTitle : activity.title;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink />
        <PageHeading documentTitle={`${heading} · ${s.detail.documentTitle(activity.id)}`} lang={brandLang()}>
          {heading}
        </PageHeading>
        <p className="text-gray-700 dark:text-gray-300">{s.detail.subtitle(activity.id)}</p>
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="facts-heading" className={SECTION}>
          <h2 id="facts-heading" className="mb-2 text-xl font-semibold">
            {s.detail.factsHeading}
          </h2>
          <ActivityFacts preview={preview} />
        </section>
        <AlidaPanel panel={preview.alida} />
      </div>

      <section aria-labelledby="grid-heading" className={`${SECTION} space-y-6`}>
        <h2 id="grid-heading" className="text-xl font-semibold">
          {s.grid.heading}
        </h2>
        <VisibilityGrid preview={preview} selectedTierId={selected} />
        <PersonaChecks personas={preview.personas} matrix={preview.matrix} />
      </section>

      <section aria-labelledby="cards-heading" className={`${SECTION} space-y-4`}>
        <h2 id="cards-heading" className="text-xl font-semibold">
          {s.cards.heading}
        </h2>
        <p className="text-sm text-gray-700 dark:text-gray-300">{s.cards.lead}</p>
        <TierPicker activityId={activity.id} tiers={preview.matrix.tiers} selected={selected} />
        <MemberCardPreview preview={preview} tierId={selected} />
      </section>
    </div>
  );
}

export function ActivityDetailPage({ id }: { id: string }) {
  const tierId = new URLSearchParams(useSearch()).get("tier");
  const query = useQuery(activityPreviewQuery(id));

  if (query.isPending) {
    return (
      <>
        <p className="sr-only" role="status">
          {s.detail.subtitle(id)}
        </p>
        <DetailSkeleton />
      </>
    );
  }
  if (query.isError) {
    const error = query.error;
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 404 || status === 400) {
      return (
        <div className="space-y-3">
          <BackLink />
          <PageHeading>{status === 404 ? s.detail.notFoundTitle : s.detail.invalidTitle}</PageHeading>
          <p className="text-gray-800 dark:text-gray-200">
            {status === 404 ? s.detail.notFound(id) : errorText(error)}
          </p>
        </div>
      );
    }
    return (
      <div className="space-y-3">
        <BackLink />
        <ErrorPanel
          title={s.errors.load}
          error={error}
          onRetry={() => void query.refetch()}
          headingLevel={1}
        />
      </div>
    );
  }
  return <Detail preview={query.data} tierId={tierId} />;
}
