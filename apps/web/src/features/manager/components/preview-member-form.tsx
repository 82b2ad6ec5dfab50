import { type FormEvent, useId, useState } from "react";
import { fieldsInError } from "../../../lib/api-error.ts";
import type { PreviewMemberInput } from "../api/use-preview-member.ts";
import { managerMessages as s } from "../messages.ts";

// Which member to preview and why. The BFF owns the rules (seven id types, a reason of at least ten
// characters); its 400 names each refused field by path (`issues`), and each is marked by its field.

export const ID_TYPES = [
  "third_party_id",
  "id",
  "email",
  "username",
  "facebook_user_id",
  "twitter_user_id",
  "mobile_phone_number",
] as const satisfies readonly PreviewMemberInput["idType"][];

const FIELDS = ["idType", "userId", "reason"] as const satisfies readonly (keyof PreviewMemberInput)[];
type Field = (typeof FIELDS)[number];

/** The fields the BFF refused (none for an outage, or a 400 about no one field). */
export const previewFieldsInError = (error: unknown): Field[] => fieldsInError(error, FIELDS);

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
  const invalid = previewFieldsInError(error);
  // Each refused field is described by its own message; the ids differ per field.
  const errorId = (name: Field) => `${ids.error}-${name}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ idType, userId, reason });
  };
  const fieldError = (name: Field) =>
    invalid.includes(name) ? (
      <p id={errorId(name)} className="text-sm font-medium text-red-800 dark:text-red-300">
        {fieldErrorText(name)}
      </p>
    ) : null;
  const described = (name: Field, extra?: string) =>
    [extra, invalid.includes(name) ? errorId(name) : undefined].filter(Boolean).join(" ") || undefined;

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
            aria-invalid={invalid.includes("idType") || undefined}
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
            aria-invalid={invalid.includes("userId") || undefined}
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
          aria-invalid={invalid.includes("reason") || undefined}
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
