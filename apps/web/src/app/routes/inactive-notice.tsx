import { t } from "@lingui/core/macro";

/**
 * A deactivated account still sees its tier and points, but is offered nothing to earn with. Shown
 * in place of the activities on the member's page and in a manager's preview of it.
 */
export function InactiveNotice({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 4 ? "h4" : "h3";
  return (
    <div
      role="status"
      className="rounded-2xl border border-amber-300 bg-amber-50 p-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <Heading className="font-semibold">{t`Your account is inactive`}</Heading>
      <p className="mt-1 max-w-prose">{t`Your rewards account isn't active, so activities can't earn you points right now. Your tier and points are shown as they were. Please contact member care to reactivate it.`}</p>
    </div>
  );
}
