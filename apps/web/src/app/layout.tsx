import { t } from "@lingui/core/macro";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "../components/language-switcher.tsx";
import { brand, brandNameLang } from "../lib/brand.ts";
import { Link } from "../lib/router.tsx";

/** Skip link, header (with the language switcher) and the one `main` every page has. */
export function Layout({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  const { name, logo } = brand();
  return (
    <div className="min-h-dvh bg-gray-50 text-gray-900 dark:bg-gray-950 dark:text-gray-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-indigo-800 dark:focus:bg-gray-900 dark:focus:text-indigo-200"
      >
        {t`Skip to main content`}
      </a>
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 sm:gap-y-2 sm:py-3">
          {/* The same markup the BFF paints before the script runs (brand/brand-page.ts). The logo is
              decorative: the name beside it is the link's name. */}
          <Link to="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
            {logo && <img src={logo} alt="" className="h-8 w-auto shrink-0" />}
            <span lang={brandNameLang()}>{name}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitcher />
            {actions}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-5 pb-8 sm:py-8 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
