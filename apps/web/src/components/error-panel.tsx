import { t } from "@lingui/core/macro";
import { ApiError } from "../lib/api-error.ts";
import { errorText } from "../lib/error-text.ts";
import { currentPath, signInHref } from "../lib/sign-in.ts";

interface Props {
  title: string;
  error: Error;
  onRetry: () => void;
  /** 1 when the error replaces the whole page, so the page still has its main heading. */
  headingLevel?: 1 | 2 | 3;
}

/** What went wrong, the request id to quote to support, and what to do next. */
export function ErrorPanel({ title, error, onRetry, headingLevel = 3 }: Props) {
  const Heading = `h${headingLevel}` as const;
  const apiError = error instanceof ApiError ? error : null;
  const signedOut = apiError?.isUnauthenticated ?? false;
  const requestId = apiError?.requestId;
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <Heading className="font-semibold">{title}</Heading>
      <p className="mt-1">{errorText(error)}</p>
      {requestId && (
        <p className="mt-1 text-sm text-red-900 dark:text-red-100">{t`Reference: ${requestId}`}</p>
      )}
      <div className="mt-3">
        {signedOut ? (
          <a href={signInHref(currentPath())} className="button-primary">
            {t`Sign in again`}
          </a>
        ) : (
          <button type="button" onClick={onRetry} className="button-primary">
            {t`Try again`}
          </button>
        )}
      </div>
    </div>
  );
}
