import { ClockIcon } from "../../../components/icons.tsx";
import { strings } from "../../../config/strings.ts";
import type { MemberProfileView } from "../api/me-query.ts";
import { TierPlanKeep } from "./tier-plan.tsx";

type Tier = MemberProfileView["tier"];
type Plan = MemberProfileView["plan"];

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
        {strings.tier.keepTitle}
        {atRisk && (
          <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-red-300 dark:text-red-950">
            {strings.tier.atRisk}
          </span>
        )}
      </h3>
      <p className="mt-1">
        {strings.tier.keep(maintain.pointsNeeded, tier.current.title, maintain.by)}
        {maintain.daysLeft !== null && maintain.pointsNeeded > 0 && (
          <span className="ml-2 inline-flex items-center gap-1 text-sm whitespace-nowrap">
            <ClockIcon />
            {strings.tier.daysLeft(maintain.daysLeft)}
          </span>
        )}
      </p>
      {atRisk && plan?.toKeep && (
        <TierPlanKeep path={plan.toKeep} tier={tier.current.title} by={maintain.by} />
      )}
    </div>
  );
}
