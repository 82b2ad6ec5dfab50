import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { programTimeZone } from "../../../lib/format.ts";
import { auditManagersQuery } from "../api/manager-queries.ts";
import { type AuditFilterField, type AuditFilters, auditFiltersToSearch } from "../lib/audit-filters.ts";
import { managerMessages as s } from "../messages.ts";

// The audit log's filters: applied together with the button (a half-typed member id is not a
// search), kept in the address by the page. A 400 from the BFF is shown by the field it names.

const CONTROL =
  "w-full rounded-lg border border-gray-400 bg-white px-3 py-2 text-gray-900 aria-invalid:border-red-700 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-100 dark:aria-invalid:border-red-400";

interface Props {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  onClear: () => void;
  canClear: boolean;
  fieldError: { field: AuditFilterField; message: string } | null;
}

export function AuditFiltersForm({ filters, onApply, onClear, canClear, fieldError }: Props) {
  const [draft, setDraft] = useState(filters);
  // A new address (back button, a shared link) starts the draft from it. Adjusted while rendering
  // rather than by remounting the form, which would drop the keyboard's focus.
  const search = auditFiltersToSearch(filters);
  const [shown, setShown] = useState(search);
  if (search !== shown) {
    setShown(search);
    setDraft(filters);
  }
  const id = useId();
  const managers = useQuery(auditManagersQuery());
  const set = (field: AuditFilterField) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  // The field's own problem, tied to it for screen readers.
  // The day fields are also described by the time-zone hint, the member id by its own hint.
  const hint = (field: AuditFilterField) =>
    field === "from" || field === "to" ? `${id}-zone` : field === "member" ? `${id}-member-hint` : null;
  const problem = (field: AuditFilterField) => {
    const error = fieldError?.field === field ? `${id}-${field}-error` : null;
    const describedBy = [error, hint(field)].filter(Boolean).join(" ");
    return {
      ...(error ? { "aria-invalid": true as const } : {}),
      ...(describedBy ? { "aria-describedby": describedBy } : {}),
    };
  };
  const message = (field: AuditFilterField) =>
    fieldError?.field === field ? (
      <p id={`${id}-${field}-error`} className="text-sm font-medium text-red-800 dark:text-red-300">
        {fieldError.message}
      </p>
    ) : null;
  const options = managers.data ?? [];
  // A manager named in the address but not (yet) in the list still shows as chosen.
  const known = draft.manager === "" || options.some((m) => m.sub === draft.manager);
  return (
    <form
      aria-label={s.audit.filters}
      onSubmit={submit}
      className="grid gap-3 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-gray-700 dark:bg-gray-900"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-manager`} className="text-sm font-medium">
          {s.audit.manager}
        </label>
        <select
          id={`${id}-manager`}
          value={draft.manager}
          onChange={set("manager")}
          className={CONTROL}
          {...problem("manager")}
        >
          <option value="">{s.audit.anyManager}</option>
          {!known && <option value={draft.manager}>{draft.manager}</option>}
          {options.map((m) => (
            <option key={m.sub} value={m.sub}>
              {m.name ? s.audit.managerOption(m.name, m.sub) : m.sub}
            </option>
          ))}
        </select>
        {message("manager")}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-member`} className="text-sm font-medium">
          {s.audit.memberId}
        </label>
        <input
          id={`${id}-member`}
          type="search"
          value={draft.member}
          onChange={set("member")}
          autoComplete="off"
          className={CONTROL}
          {...problem("member")}
        />
        <p id={`${id}-member-hint`} className="text-sm text-gray-700 dark:text-gray-300">
          {s.audit.memberHint}
        </p>
        {message("member")}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-from`} className="text-sm font-medium">
          {s.audit.from}
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          onChange={set("from")}
          className={CONTROL}
          {...problem("from")}
        />
        {message("from")}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-to`} className="text-sm font-medium">
          {s.audit.to}
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          onChange={set("to")}
          className={CONTROL}
          {...problem("to")}
        />
        {message("to")}
      </div>
      <p id={`${id}-zone`} className="text-sm text-gray-700 sm:col-span-2 lg:col-span-4 dark:text-gray-300">
        {s.audit.daysIn(programTimeZone())}
      </p>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="button-primary">
          {s.audit.apply}
        </button>
        {canClear && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft({ manager: "", member: "", from: "", to: "" });
              onClear();
            }}
          >
            {s.audit.clear}
          </button>
        )}
      </div>
    </form>
  );
}
