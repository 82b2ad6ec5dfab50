import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../../lib/api-error.ts";
import type { PreviewMemberInput } from "../api/use-preview-member.ts";
import { managerMessages as s } from "../messages.ts";

// Which member to preview and why. The BFF owns the rules (seven id types, a reason of at least ten
// characters); its 400 message is shown by the field it is about.

export const ID_TYPES = [
  "third_party_id",
  "id",
  "email",
  "username",
  "facebook_user_id",
  "twitter_user_id",
  "mobile_phone_number",
] as const satisfies readonly PreviewMemberInput["idType"][];

type Field = "idType" | "userId" | "reason";

/** The BFF's 400 names the problem in words; pick the field the words are about. */
export function fieldOf(error: ApiError): Field | null {
  if (error.status !== 400) return null;
  const message = error.message.toLowerCase();
  if (message.includes("idtype")) return "idType";
  if (message.includes("why") || message.includes("reason")) return "reason";
  if (message.includes("member")) return "userId";
  return null;
}

/** The field's problem in the portal's language (the BFF's own words are for the console). */
function fieldErrorText(field: Field): string {
  if (field === "reason") return s.preview.reasonTooShort;
  if (field === "userId") return s.preview.userIdMissing;
  return s.preview.idTypeInvalid;
}

const CONTROL =
  "w-full rounded-lg border border-gray-400 bg-white px-3 py-2 text-gray-900 aria-invalid:border-red-700 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-100 dark:aria-invalid:border-red-400";

interface Props {
  onSubmit: (input: PreviewMemberInput) => void;
  pending: boolean;
  error: Error | null;
}

export function PreviewMemberForm({ onSubmit, pending, error }: Props) {
  const ids = { idType: useId(), userId: useId(), reason: useId(), hint: useId(), error: useId() };
  const [idType, setIdType] = useState<PreviewMemberInput["idType"]>("third_party_id");
  const [userId, setUserId] = useState("");
  const [reason, setReason] = useState("");
  const apiError = error instanceof ApiError ? error : null;
  const field = apiError ? fieldOf(apiError) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ idType, userId, reason });
  };
  const fieldError = (name: Field) =>
    field === name && apiError ? (
      <p id={ids.error} className="text-sm font-medium text-red-800 dark:text-red-300">
        {fieldErrorText(name)}
      </p>
    ) : null;
  const described = (name: Field, extra?: string) =>
    [extra, field === name ? ids.error : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.idType} className="font-medium">
            {s.preview.idType}
          </label>
          <select
            id={ids.idType}
            value={idType}
            onChange={(e) => setIdType(e.target.value as PreviewMemberInput["idType"])}
            aria-invalid={field === "idType" || undefined}
            aria-describedby={described("idType")}
            className={CONTROL}
          >
            {ID_TYPES.map((type) => (
              <option key={type} value={type}>
                {s.preview.idTypes[type] ?? type}
              </option>
            ))}
          </select>
          {fieldError("idType")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.userId} className="font-medium">
            {s.preview.userId}
          </label>
          <input
            id={ids.userId}
            value={userId}
            autoComplete="off"
            required
            onChange={(e) => setUserId(e.target.value)}
            aria-invalid={field === "userId" || undefined}
            aria-describedby={described("userId")}
            className={CONTROL}
          />
          {fieldError("userId")}
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.reason} className="font-medium">
          {s.preview.reason}
        </label>
        <p id={ids.hint} className="text-sm text-gray-700 dark:text-gray-300">
          {s.preview.reasonHint}
        </p>
        <textarea
          id={ids.reason}
          value={reason}
          required
          minLength={10}
          maxLength={500}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={field === "reason" || undefined}
          aria-describedby={described("reason", ids.hint)}
          className={CONTROL}
        />
        {fieldError("reason")}
      </div>
      <div>
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? s.preview.submitting : s.preview.submit}
        </button>
      </div>
    </form>
  );
}
