import { plural, t } from "@lingui/core/macro";
import { brandLang } from "../../../lib/brand.ts";
import { formatDay, formatInteger } from "../../../lib/format.ts";
import { useReadOnly } from "../../../lib/read-only.tsx";
import { activityPath, Link } from "../../../lib/router.tsx";
import type { MemberProfileView } from "../api/me-query.ts";

type Path = NonNullable<NonNullable<MemberProfileView["plan"]>["toNextTier"]>;

const timesText = (times: number) => plural(times, { one: "once", other: "# times" });
const pointsText = (points: number) => plural(points, { one: "# pt", other: "# pts" });

/** The plan's activities: each title leads to its details, with how often and what it earns. */
function PlanSteps({ steps }: { steps: Path["steps"] }) {
  // In a read-only preview the titles lead nowhere: the activity pages are the viewer's own.
  const readOnly = useReadOnly();
  if (steps.length === 0) return null;
  return (
    <ol className="mt-2 space-y-1.5 text-sm">
      {steps.map((step) => (
        <li key={step.activityId} className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span>
            {readOnly ? (
              <span lang={brandLang()} className="font-medium">
                {step.title}
              </span>
            ) : (
              <Link
                to={activityPath(step.activityId)}
                lang={brandLang()}
                className="font-medium text-primary underline underline-offset-2"
              >
                {step.title}
              </Link>
            )}
            {step.times > 1 && (
              <span className="text-gray-700 dark:text-gray-300"> · {timesText(step.times)}</span>
            )}
          </span>
          <span className="font-semibold whitespace-nowrap">{pointsText(step.points)}</span>
        </li>
      ))}
    </ol>
  );
}

/** What the path comes to: the count of steps, or how far even all of them fall short. */
function pathLead(path: Path, reachableText: string): string {
  if (path.reachable) return reachableText;
  if (path.steps.length === 0) {
    return t`There are no open activities that earn points right now — new activities may open soon.`;
  }
  const total = formatInteger(path.totalPoints);
  const shortfall = path.shortfall;
  return plural(shortfall, {
    one: `Even all your open activities (${total} pts) fall short by # pt — new activities may open soon.`,
    other: `Even all your open activities (${total} pts) fall short by # pts — new activities may open soon.`,
  });
}

/** "Complete these 2 activities to reach Gold", from the BFF's plan over the member's own activities. */
export function TierPlanNext({ path, tier }: { path: Path; tier: string }) {
  if (path.reachable && path.steps.length === 0) return null;
  const steps = path.steps.length;
  return (
    <section aria-labelledby="tier-plan-heading" className="mt-4">
      <h3 id="tier-plan-heading" className="text-sm font-semibold">
        {t`Your path to ${tier}`}
      </h3>
      <p className="mt-1 text-gray-800 dark:text-gray-100">
        {pathLead(
          path,
          plural(steps, {
            one: `Complete this activity to reach ${tier}`,
            other: `Complete these # activities to reach ${tier}`,
          }),
        )}
      </p>
      <PlanSteps steps={path.steps} />
    </section>
  );
}

function keepLead(tier: string, by: string | null): string {
  if (!by) return t`To keep ${tier}:`;
  const day = formatDay(by);
  return t`To keep ${tier} by ${day}:`;
}

/** "To keep Silver by 3 March: …", shown inside the keep box when the tier is at risk. */
export function TierPlanKeep({ path, tier, by }: { path: Path; tier: string; by: string | null }) {
  if (path.reachable && path.steps.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-sm font-medium">{pathLead(path, keepLead(tier, by))}</p>
      <PlanSteps steps={path.steps} />
    </div>
  );
}
