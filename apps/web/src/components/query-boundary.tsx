import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { ErrorBoundary } from "./error-boundary.tsx";
import { ErrorPanel } from "./error-panel.tsx";

interface Props {
  /** Shown while loading; should take the space the content will, so nothing jumps. */
  fallback: ReactNode;
  errorTitle: string;
  headingLevel?: 1 | 2 | 3;
  children: ReactNode;
}

/** Loading and failure for one section: a skeleton, then the content or an error with a retry. */
export function QueryBoundary({ fallback, errorTitle, headingLevel = 3, children }: Props) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={({ error, reset: retry }) => (
            <ErrorPanel title={errorTitle} error={error} onRetry={retry} headingLevel={headingLevel} />
          )}
        >
          <Suspense fallback={fallback}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
