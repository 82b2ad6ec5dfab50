import { useInfiniteQuery } from "@tanstack/react-query";
import { type Ref, useEffect, useRef, useState } from "react";
import { ErrorPanel } from "../../../components/error-panel.tsx";
import { PageHeading } from "../../../components/page-heading.tsx";
import { Skeleton } from "../../../components/skeleton.tsx";
import { navigate, useSearch } from "../../../lib/router.tsx";
import { type AuditEntry, auditExportHref, auditQuery } from "../api/manager-queries.ts";
import {
  type AuditFilters,
  auditFieldOf,
  auditFiltersToSearch,
  auditProblemOf,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  parseAuditFilters,
} from "../lib/audit-filters.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";
import { AuditFiltersForm } from "./audit-filters-form.tsx";
import { ScrollRegion } from "./scroll-region.tsx";

// Who previewed which member, why and when: newest first, filtered from the address, a page at a
// time ("Show older entries" follows the BFF's keyset), and the same filter as a CSV download.

const CELL = "p-2 align-top sm:p-3";

function AuditTable({ entries, rowsRef }: { entries: AuditEntry[]; rowsRef: Ref<HTMLTableSectionElement> }) {
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
        <tbody ref={rowsRef}>
          {entries.map((entry) => (
            // tabIndex -1: the first of the older entries takes focus after "Show older entries".
            <tr
              key={entry.id}
              tabIndex={-1}
              className="border-t border-gray-200 focus:outline-2 focus:outline-offset-[-2px] dark:border-gray-700"
            >
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
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const rows = useRef<HTMLTableSectionElement>(null);
  // Focus is moved on purpose: the results heading after Apply or Clear (the Clear button itself
  // goes away), so the keyboard never lands on <body>.
  const go = (next: AuditFilters) => {
    navigate(`${managerPaths.audit}${auditFiltersToSearch(next)}`, { replace: true, focus: false });
    heading.current?.focus();
  };
  const error = query.error;
  const field = auditFieldOf(error);
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = hasAuditFilters(filters);
  const fetchingOlder = query.isFetchingNextPage;
  // Set once the older page has come (its rows are in the cache by then), so the effect runs after
  // the render that shows them.
  const [olderCame, setOlderCame] = useState<{ from: number } | null>(null);
  useEffect(() => {
    if (!olderCame) return;
    setOlderCame(null);
    // The first older entry; when none came, the status line that says that is all.
    (rows.current?.rows[olderCame.from] ?? status.current)?.focus();
  }, [olderCame]);
  const showOlder = () => {
    if (fetchingOlder) return; // aria-disabled: the button keeps focus while it loads
    const from = entries.length;
    void query.fetchNextPage().then((result) => {
      // A failure is the error panel's to say, with its retry.
      if (!result.isFetchNextPageError) setOlderCame({ from });
    });
  };
  const statusText = query.isPending
    ? s.audit.loading
    : field
      ? s.audit.checkField
      : query.isError && !query.data
        ? ""
        : entries.length === 0
          ? filtered
            ? s.audit.noneMatch
            : s.audit.none
          : s.audit.shown(entries.length, query.hasNextPage);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>{s.audit.title}</PageHeading>
        <p className="text-gray-700 dark:text-gray-300">{s.audit.lead}</p>
      </div>
      <AuditFiltersForm
        filters={filters}
        onApply={go}
        onClear={() => go(NO_AUDIT_FILTERS)}
        canClear={filtered}
        fieldError={field ? { field, message: s.audit.problem(auditProblemOf(field, filters)) } : null}
      />
      {/* Always mounted, heading and status line included: focus can be put on the heading, and
          the live region announces each new answer (a region that mounts with its text is not
          announced by every screen reader). */}
      <section aria-labelledby="audit-results" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="audit-results" ref={heading} tabIndex={-1} className="text-lg font-semibold">
            {s.audit.results}
          </h2>
          {entries.length > 0 && (
            <a href={auditExportHref(filters)} download className="button-secondary">
              {s.audit.export}
            </a>
          )}
        </div>
        <p ref={status} tabIndex={-1} role="status" className="text-sm text-gray-700 dark:text-gray-300">
          {statusText}
        </p>
        {query.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : query.isError && !query.data ? (
          field ? null : (
            <ErrorPanel
              title={s.errors.audit}
              error={query.error}
              onRetry={() => void query.refetch()}
              headingLevel={3}
            />
          )
        ) : (
          <>
            {entries.length > 0 && <AuditTable entries={entries} rowsRef={rows} />}
            {query.hasNextPage && (
              <button
                type="button"
                className="button-secondary aria-disabled:cursor-wait aria-disabled:opacity-70"
                aria-disabled={fetchingOlder || undefined}
                onClick={showOlder}
              >
                {fetchingOlder ? s.audit.loadingMore : s.audit.more}
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
          </>
        )}
      </section>
    </div>
  );
}
