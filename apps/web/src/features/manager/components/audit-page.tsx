import { useSuspenseQuery } from "@tanstack/react-query";
import { PageHeading } from "../../../components/page-heading.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { Skeleton } from "../../../components/skeleton.tsx";
import { auditQuery } from "../api/manager-queries.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerStrings as s } from "../strings.ts";
import { ScrollRegion } from "./scroll-region.tsx";

const CELL = "p-2 align-top sm:p-3";

function AuditTable() {
  const { data } = useSuspenseQuery(auditQuery());
  if (data.entries.length === 0) return <p>{s.audit.none}</p>;
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
          {data.entries.map((entry) => (
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
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>{s.audit.title}</PageHeading>
        <p className="text-gray-700 dark:text-gray-300">{s.audit.lead}</p>
      </div>
      <QueryBoundary
        fallback={<Skeleton className="h-48 w-full" />}
        errorTitle={s.errors.audit}
        headingLevel={2}
      >
        <AuditTable />
      </QueryBoundary>
    </div>
  );
}
