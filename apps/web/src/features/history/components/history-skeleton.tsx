import { Skeleton } from "../../../components/skeleton.tsx";

/** The history's frame while its chunk or its first page is on the way: rows the size of entries. */
export function HistorySkeleton() {
  return (
    <div aria-hidden="true" className="space-y-3 rounded-2xl border border-gray-200 p-4 dark:border-gray-700">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-3 w-1/3" />
          </div>
          <Skeleton className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}
