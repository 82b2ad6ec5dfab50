import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorPanel } from "../../../components/error-panel.tsx";
import { PageHeading } from "../../../components/page-heading.tsx";
import { Skeleton } from "../../../components/skeleton.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { navigate, useSearch } from "../../../lib/router.tsx";
import { type AuditEntry, auditExportHref, auditQuery } from "../api/manager-queries.ts";
import {
  type AuditFilters,
  auditFieldOf,
  auditFiltersToSearch,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  parseAuditFilters,
} from "../lib/audit-filters.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerStrings as s } from "../strings.ts";
import { AuditFiltersForm } from "./audit-filters-form.tsx";
import { ScrollRegion } from "./scroll-region.tsx";

// Who previewed which member, why and when: newest first, filtered from the address, a page at a
// time ("Show older entries" follows the BFF's keyset), and the same filter as a CSV download.

const CELL = "p-2 align-top sm:p-3";

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <ScrollRegion label={s.audit.caption} className="bg-white dark:bg-gray-900">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="sr-only">{s.audit.caption}</caption>
        <thead className="bg-gray-100 dark:bg-gray-800">
          <tr>
            <th scope="col" className={CELL}>
              {s.audit.time}
            </th>
            <th scope="col" className={CELL}>
              {s.audit.manager}
            </th>
            <th scope="col" className={CELL}>
              {s.audit.member}
            </th>
            <th scope="col" className={CELL}>
              {s.audit.reason}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-gray-200 dark:border-gray-700">
              <td className={`${CELL} whitespace-nowrap`}>
                <time dateTime={entry.at}>{formatZoned(entry.at)}</time>
              </td>
              <td className={CELL}>{entry.managerName ?? entry.managerSub}</td>
              <td className={CELL}>{s.audit.memberValue(entry.memberIdType, entry.memberId)}</td>
              <td className={`${CELL} break-words`}>{entry.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function AuditPage() {
  const filters = parseAuditFilters(useSearch());
  const query = useInfiniteQuery(auditQuery(filters));
  const go = (next: AuditFilters) =>
    navigate(`${managerPaths.audit}${auditFiltersToSearch(next)}`, { replace: true, focus: false });
  const error = query.error;
  const field = error instanceof ApiError && error.status === 400 ? auditFieldOf(error.message) : null;
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = hasAuditFilters(filters);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>{s.audit.title}</PageHeading>
        <p className="text-gray-700 dark:text-gray-300">{s.audit.lead}</p>
      </div>
      <AuditFiltersForm
        // A new address (back button, a shared link) starts the form from it.
        key={auditFiltersToSearch(filters)}
        filters={filters}
        onApply={go}
        onClear={() => go(NO_AUDIT_FILTERS)}
        canClear={filtered}
        fieldError={field && error ? { field, message: error.message } : null}
      />
      {query.isPending ? (
        <>
          <p className="sr-only" role="status">
            {s.audit.loading}
          </p>
          <Skeleton className="h-48 w-full" />
        </>
      ) : query.isError && !query.data ? (
        field ? null : (
          <ErrorPanel
            title={s.errors.audit}
            error={query.error}
            onRetry={() => void query.refetch()}
            headingLevel={2}
          />
        )
      ) : (
        <section aria-labelledby="audit-results" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="audit-results" className="text-lg font-semibold">
              {s.audit.results}
            </h2>
            {entries.length > 0 && (
              <a href={auditExportHref(filters)} download className="button-secondary">
                {s.audit.export}
              </a>
            )}
          </div>
          <p role="status" className="text-sm text-gray-700 dark:text-gray-300">
            {entries.length === 0
              ? filtered
                ? s.audit.noneMatch
                : s.audit.none
              : s.audit.shown(entries.length, query.hasNextPage)}
          </p>
          {entries.length > 0 && <AuditTable entries={entries} />}
          {query.hasNextPage && (
            <button
              type="button"
              className="button-secondary"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? s.audit.loadingMore : s.audit.more}
            </button>
          )}
          {query.isFetchNextPageError && (
            <ErrorPanel
              title={s.errors.auditMore}
              error={query.error}
              onRetry={() => void query.fetchNextPage()}
              headingLevel={3}
            />
          )}
        </section>
      )}
    </div>
  );
}
