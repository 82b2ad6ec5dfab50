import { t } from "@lingui/core/macro";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError, fieldsInError } from "../../../lib/api-error.ts";
import { errorText } from "../../../lib/error-text.ts";
import { navigate } from "../../../lib/router.tsx";
import { activityPreviewQuery } from "../api/manager-queries.ts";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";

// Look an activity up by its CrowdTwist id. The BFF decides what an id is: its 400 (an issue at the
// path `id`) and its 404 are shown by the field, so a manager can correct the id where they typed it.

const referenceText = (reference: string) => t`Reference: ${reference}`;

export function LookupForm() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [id, setId] = useState("");
  const [error, setError] = useState<{ message: string; requestId: string | null } | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = id.trim();
    if (!wanted) {
      setError({ message: s.find.idMissing, requestId: null });
      return;
    }
    setPending(true);
    setError(null);
    try {
      // Fetched here, so the details page opens on data and a bad id never leaves this form.
      await queryClient.fetchQuery(activityPreviewQuery(wanted));
      navigate(managerPaths.activity(wanted));
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : null;
      setError({
        message:
          apiError?.code === "activity_not_found"
            ? s.find.unknown(wanted)
            : fieldsInError(caught, ["id"]).length > 0
              ? s.find.idInvalid
              : errorText(caught),
        requestId: apiError && apiError.status >= 500 ? apiError.requestId : null,
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={inputId} className="block font-medium">
        {s.find.idLabel}
      </label>
      <p id={hintId} className="text-sm text-gray-700 dark:text-gray-300">
        {s.find.idHint}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="activityId"
          inputMode="numeric"
          autoComplete="off"
          value={id}
          onChange={(event) => setId(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          className="w-40 rounded-lg border border-gray-400 bg-white px-3 py-2 text-gray-900 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-100"
        />
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? s.find.checking : s.find.open}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p id={errorId} className="text-sm font-medium text-red-800 dark:text-red-300">
            {error.message}
            {error.requestId && <span className="block">{referenceText(error.requestId)}</span>}
          </p>
        )}
      </div>
    </form>
  );
}
