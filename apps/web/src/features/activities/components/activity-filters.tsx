import type { MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { i18n } from "#i18n";
import { categoryName } from "../../../components/activity-card/category.ts";
import { WideDisclosure } from "../../../components/wide-disclosure.tsx";
import { CATEGORY_IDS, type Filters, SORTS, STATE_FILTERS } from "../lib/filters.ts";

const SORT_WORDS = {
  recommended: msg`Recommended`,
  points: msg`Most points`,
  ending: msg`Ending soon`,
} satisfies Record<Filters["sort"], MessageDescriptor>;

const STATE_WORDS = {
  all: msg`All current`,
  available: msg`Available`,
  locked: msg`Locked`,
  upcoming: msg`Upcoming`,
  ending_soon: msg`Ending soon`,
  ended: msg`Ended`,
} satisfies Record<Filters["show"], MessageDescriptor>;

const SELECT =
  "mt-1 block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 dark:border-gray-600 dark:bg-gray-900";

/**
 * Category, state and sort behind a "Filter and sort" disclosure: open on wider screens, closed on
 * phones so the first activity is on the first screen. Controlled by the address, so each change is
 * one `onChange`.
 */
export function ActivityFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  return (
    <WideDisclosure label={t`Filter and sort`}>
      {({ id, hidden }) => <FilterForm id={id} hidden={hidden} filters={filters} onChange={onChange} />}
    </WideDisclosure>
  );
}

function FilterForm({
  id,
  hidden,
  filters,
  onChange,
}: {
  id: string;
  hidden: boolean;
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  return (
    <form
      id={id}
      hidden={hidden}
      aria-label={t`Filter and sort activities`}
      onSubmit={(event) => event.preventDefault()}
      className="mt-3 grid gap-4 sm:grid-cols-[1fr_1fr] lg:grid-cols-[12rem_1fr_12rem] lg:items-end"
    >
      <label className="text-sm font-medium">
        {t`Category`}
        <select
          className={SELECT}
          value={filters.category ?? ""}
          onChange={(event) => onChange({ ...filters, category: event.target.value || null })}
        >
          <option value="">{t`All categories`}</option>
          {CATEGORY_IDS.map((id) => (
            <option key={id} value={id}>
              {categoryName(id)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium sm:order-last lg:order-none">
        {t`Sort by`}
        <select
          className={SELECT}
          value={filters.sort}
          onChange={(event) =>
            onChange({ ...filters, sort: SORTS.find((s) => s === event.target.value) ?? "recommended" })
          }
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {i18n._(SORT_WORDS[sort])}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sm:col-span-2 lg:col-span-1 lg:row-start-1 lg:col-start-2">
        <legend className="text-sm font-medium">{t`Show`}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {STATE_FILTERS.map((state) => (
            <label
              key={state}
              className="cursor-pointer rounded-full border border-gray-300 px-3 py-1.5 text-sm font-medium has-checked:border-indigo-700 has-checked:bg-indigo-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600 dark:border-gray-600 dark:has-checked:border-indigo-300 dark:has-checked:bg-indigo-300 dark:has-checked:text-gray-950"
            >
              <input
                type="radio"
                name="show"
                value={state}
                checked={filters.show === state}
                onChange={() => onChange({ ...filters, show: state })}
                className="sr-only"
              />
              {i18n._(STATE_WORDS[state])}
            </label>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
