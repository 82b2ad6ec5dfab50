import { Skeleton } from "../skeleton.tsx";
import { IMAGE_FRAME } from "./activity-image.tsx";

/** Same frame as a card (image, text rows, action), so the grid does not jump when data lands. */
export function ActivityCardSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="flex gap-3 overflow-hidden rounded-2xl border border-gray-200 bg-white p-3 sm:flex-col sm:gap-0 sm:p-0 dark:border-gray-700 dark:bg-gray-900"
    >
      <div className={`${IMAGE_FRAME} bg-gray-100 dark:bg-gray-800`} />
      <div className="flex flex-1 flex-col gap-2 sm:p-4">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-6 w-3/4" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-6 w-24" />
      </div>
    </div>
  );
}
