import type { ReactNode } from "react";

/** A wide table's frame: it scrolls sideways on a phone, and keyboard users can reach it to scroll. */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className={`overflow-x-auto rounded-xl border border-gray-200 dark:border-gray-700 ${className}`}
    >
      {children}
    </section>
  );
}
