import { plural, t } from "@lingui/core/macro";
import { formatInteger } from "../../../lib/format.ts";
import type { MemberProfileView } from "../api/me-query.ts";

type Tier = MemberProfileView["tier"];

const tierPoints = (score: number) => plural(score, { one: "# tier pt", other: "# tier pts" });

/** "1,600 of 2,500 tier pts" */
function scoreOf(score: number, threshold: number): string {
  const points = formatInteger(score);
  return plural(threshold, { one: `${points} of # tier pt`, other: `${points} of # tier pts` });
}

/**
 * The bar toward the next tier, or the top tier's own message. The bar runs from 0 to the next
 * tier's threshold, so the tier points, the threshold, the points to go and the bar all agree
 * (docs/decisions/0018): 1,600 of 2,500 is 900 to go and a bar at 64 %.
 */
export function TierProgress({ tier }: { tier: Tier }) {
  if (tier.isTopTier || !tier.next) {
    const top = tier.current?.title ?? "";
    return (
      <div className="mt-4">
        <p className="rounded-lg bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {t`${top} is our top tier. You've reached the highest level.`}
        </p>
        {tier.score !== null && <p className="mt-2 text-sm">{tierPoints(tier.score)}</p>}
      </div>
    );
  }
  const percent = Math.round(Math.min(1, Math.max(0, tier.progress)) * 100);
  const next = tier.next.title;
  const toGo = tier.pointsToNext ?? 0;
  const toNext = plural(toGo, { one: `# pt to ${next}`, other: `# pts to ${next}` });
  const score = tier.score === null ? null : scoreOf(tier.score, tier.next.minScore);
  return (
    <div className="mt-4">
      <div
        role="progressbar"
        aria-label={t`Progress to ${next}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={score ? `${score}, ${toNext}` : toNext}
        className="h-3 overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700"
      >
        <div
          className="h-full rounded-full bg-primary motion-safe:transition-[width] motion-safe:duration-700"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 flex flex-wrap justify-between gap-x-4 text-sm">
        {score && <span className="font-medium">{score}</span>}
        <span className={score ? "text-gray-700 dark:text-gray-300" : "font-medium"}>{toNext}</span>
      </p>
    </div>
  );
}
