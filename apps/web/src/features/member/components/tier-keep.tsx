import { plural, t } from "@lingui/core/macro";
import { ClockIcon } from "../../../components/icons.tsx";
import { formatDay } from "../../../lib/format.ts";
import type { MemberProfileView } from "../api/me-query.ts";
import { TierPlanKeep } from "./tier-plan.tsx";

type Tier = MemberProfileView["tier"];
type Plan = MemberProfileView["plan"];

function keepText(points: number, tier: string, byIso: string | null): string {
  const by = byIso ? formatDay(byIso) : null;
  if (points === 0) {
    return by
      ? t`You've earned enough to keep ${tier}: it's yours until at least ${by}.`
      : t`You've done enough to keep ${tier}.`;
  }
  return by
    ? plural(points, {
        one: `Earn # pt by ${by} to keep ${tier}.`,
        other: `Earn # pts by ${by} to keep ${tier}.`,
      })
    : plural(points, { one: `Earn # pt to keep ${tier}.`, other: `Earn # pts to keep ${tier}.` });
}

const daysLeftText = (days: number) =>
  days <= 0 ? t`Last day` : plural(days, { one: "# day left", other: "# days left" });

/** What it takes to keep the current tier, with an at-risk look when time is short. */
export function TierKeep({ tier, plan }: { tier: Tier; plan: Plan }) {
  const maintain = tier.maintain;
  if (!maintain || !tier.current) return null;
  const atRisk = maintain.atRisk;
  return (
    <div
      data-at-risk={atRisk || undefined}
      className={`mt-4 rounded-lg border p-3 ${
        atRisk
          ? "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
          : "border-gray-200 dark:border-gray-700"
      }`}
    >
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        {t`Keep your tier`}
        {atRisk && (
          <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-red-300 dark:text-red-950">
            {t`At risk`}
          </span>
        )}
      </h3>
      <p className="mt-1">
        {keepText(maintain.pointsNeeded, tier.current.title, maintain.by)}
        {maintain.daysLeft !== null && maintain.pointsNeeded > 0 && (
          <span className="ml-2 inline-flex items-center gap-1 text-sm whitespace-nowrap">
            <ClockIcon />
            {daysLeftText(maintain.daysLeft)}
          </span>
        )}
      </p>
      {atRisk && plan?.toKeep && (
        <TierPlanKeep path={plan.toKeep} tier={tier.current.title} by={maintain.by} />
      )}
    </div>
  );
}
