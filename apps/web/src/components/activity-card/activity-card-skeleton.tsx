import { Skeleton } from "../skeleton.tsx";

/** Same frame as a card (16:9 image, text rows, action), so the grid does not jump when data lands. */
export function ActivityCardSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="flex flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white dark:border-gray-700 dark:bg-gray-900"
    >
      <div className="aspect-video bg-gray-100 dark:bg-gray-800" />
      <div className="flex flex-col gap-3 p-4">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-6 w-3/4" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-7 w-24" />
        <Skeleton className="h-9 w-28" />
      </div>
    </div>
  );
}
