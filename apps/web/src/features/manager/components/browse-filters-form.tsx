import { type ReactNode, useId } from "react";
import type { ProgramTier } from "../api/manager-queries.ts";
import { BROWSE_STATES, type BrowseFilters, type BrowseState } from "../lib/browse-filters.ts";
import { managerMessages as s } from "../messages.ts";

// The browser's filters. Each change goes straight into the address, so the view can be shared.

interface Props {
  filters: BrowseFilters;
  options: { tags: string[]; categories: string[]; channels: string[] };
  tiers: ProgramTier[];
  onChange: (filters: BrowseFilters) => void;
  onClear: () => void;
  canClear: boolean;
}

const CONTROL =
  "w-full rounded-lg border border-gray-400 bg-white px-3 py-2 text-gray-900 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-100";

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function Choice({
  label,
  value,
  values,
  anyLabel,
  onChange,
}: {
  label: string;
  value: string | null;
  values: { value: string; label: string }[];
  /** What "no filter" reads, said per filter (see messages.ts). */
  anyLabel: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value || null)}
          className={CONTROL}
        >
          <option value="">{anyLabel}</option>
          {values.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const plain = (values: string[]) => values.map((value) => ({ value, label: value }));

export function BrowseFiltersForm({ filters, options, tiers, onChange, onClear, canClear }: Props) {
  const set = (patch: Partial<BrowseFilters>) => onChange({ ...filters, ...patch });
  return (
    <form
      aria-label={s.find.filters}
      onSubmit={(event) => event.preventDefault()}
      className="grid gap-3 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6 dark:border-gray-700 dark:bg-gray-900"
    >
      <Field label={s.find.search}>
        {(id) => (
          <input
            id={id}
            type="search"
            value={filters.q}
            onChange={(e) => set({ q: e.target.value })}
            className={CONTROL}
          />
        )}
      </Field>
      <Choice
        label={s.find.tag}
        value={filters.tag}
        anyLabel={s.find.anyTag}
        values={plain(options.tags)}
        onChange={(tag) => set({ tag })}
      />
      <Choice
        label={s.find.category}
        value={filters.category}
        anyLabel={s.find.anyCategory}
        values={plain(options.categories)}
        onChange={(category) => set({ category })}
      />
      <Choice
        label={s.find.channel}
        value={filters.channel}
        anyLabel={s.find.anyChannel}
        values={plain(options.channels)}
        onChange={(channel) => set({ channel })}
      />
      <Choice
        label={s.find.state}
        value={filters.state}
        anyLabel={s.find.anyState}
        values={BROWSE_STATES.map((state) => ({ value: state, label: s.states[state] ?? state }))}
        onChange={(state) => set({ state: state as BrowseState | null })}
      />
      <Choice
        label={s.find.tier}
        value={filters.tier}
        anyLabel={s.find.anyTier}
        values={tiers.map((tier) => ({ value: tier.id, label: tier.title }))}
        onChange={(tier) => set({ tier })}
      />
      {canClear && (
        <div className="sm:col-span-2 lg:col-span-3 xl:col-span-6">
          <button type="button" onClick={onClear} className="button-secondary">
            {s.find.clear}
          </button>
        </div>
      )}
    </form>
  );
}
