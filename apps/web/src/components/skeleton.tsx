/** A grey placeholder block; size it with classes so it occupies what the content will. */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`rounded-md bg-gray-200 motion-safe:animate-pulse dark:bg-gray-800 ${className}`}
    />
  );
}
