import { t } from "@lingui/core/macro";
import { useId, useState } from "react";
import { activateLocale } from "../lib/i18n/i18n.ts";
import { rememberLocale } from "../lib/i18n/locale-choice.ts";
import { LOCALE_NAMES, LOCALES, supportedLocale } from "../lib/i18n/locales.ts";
import { useLocale } from "../lib/i18n/use-locale.ts";
import { GlobeIcon } from "./icons.tsx";

/**
 * The header's language picker: a labelled native select (keyboard and screen readers as the
 * platform gives them). Each language is named in its own words and marked with its `lang`. The
 * choice is remembered (locale-choice.ts) and the page switches in place, keeping what is open.
 * Its size is fixed (h-8 w-28): index.html's frame holds the same place before the app runs.
 */
export function LanguageSwitcher() {
  const locale = useLocale();
  const id = useId();
  const [failed, setFailed] = useState(false);

  const choose = (value: string) => {
    const next = supportedLocale(value);
    if (!next || next === locale) return;
    rememberLocale(next);
    setFailed(false);
    // The select keeps showing the language in force until the new one is in place.
    activateLocale(next).catch(() => setFailed(true));
  };

  return (
    <div className="flex items-center gap-1.5">
      <GlobeIcon className="size-4 text-gray-600 dark:text-gray-300" />
      <label htmlFor={id} className="sr-only">
        {t`Language`}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => choose(event.target.value)}
        className="h-8 w-28 rounded-lg border border-gray-300 bg-white pl-2 text-sm text-gray-900 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {failed && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {t`That language could not be loaded. Please try again.`}
        </p>
      )}
    </div>
  );
}
