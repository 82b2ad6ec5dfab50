import { plural, t } from "@lingui/core/macro";
import { brandLang } from "../../lib/brand.ts";
import { formatDecimal, formatInteger } from "../../lib/format.ts";
import type { Activity } from "./activity-types.ts";

type Campaign = Activity["points"]["campaigns"][number];
type Stacking = Activity["points"]["stacking"];

/** The program's campaign stacking rule (program config), the only source of these words. */
function stackingText(stacking: Stacking): string {
  switch (stacking) {
    case "best_single":
      return t`Only the biggest bonus counts.`;
    case "additive":
      return t`Bonuses add up.`;
    case "multiplicative":
      return t`Multipliers multiply; gifts add up.`;
  }
}

/** "3× Winter bonus · +50": the multiplier, the campaign's own title (as the brand wrote it), the gift. */
function campaignText({ multiplier: times, title, pointGift }: Campaign): string {
  const multiplier = formatDecimal(times);
  const gift = formatInteger(pointGift);
  if (times !== 1 && pointGift > 0) return t`${multiplier}× ${title} · +${gift}`;
  if (times !== 1) return t`${multiplier}× ${title}`;
  if (pointGift > 0) return t`${title} · +${gift}`;
  return title;
}

function notAppliedText(stacking: Stacking, belowBase: boolean): string {
  if (belowBase) return t`not counted: worth less than the activity's own points`;
  return stacking === "best_single" ? t`not counted: only the biggest bonus counts` : t`not counted`;
}

/**
 * "650 pts", the base when a campaign changes it, and each campaign: "3× Winter bonus · +50". With
 * several campaigns, how they combine is the program's setting (`points.stacking`), said as such:
 * nothing here claims more than that rule and the numbers.
 */
export function ActivityPoints({ points }: { points: Activity["points"] }) {
  const { effective, base } = points;
  const boosted = effective !== base;
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-xl font-bold text-indigo-700 dark:text-indigo-300">
          {plural(effective, { one: "# pt", other: "# pts" })}
        </span>
        {boosted && (
          <span className="text-sm text-gray-600 dark:text-gray-300">
            {plural(base, { one: "# pt base", other: "# pts base" })}
          </span>
        )}
      </p>
      {points.campaigns.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1.5">
          {points.campaigns.map((campaign) => (
            <li
              key={campaign.title}
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                campaign.applied
                  ? "bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50"
                  : "bg-gray-100 text-gray-700 line-through dark:bg-gray-800 dark:text-gray-300"
              }`}
            >
              {/* The campaign's title as the brand wrote it, with numbers and signs only. */}
              <span lang={brandLang()}>{campaignText(campaign)}</span>
              {!campaign.applied && (
                <span className="sr-only"> ({notAppliedText(points.stacking, campaign.points < base)})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {points.campaigns.length > 1 && (
        <p className="mt-1 text-xs text-gray-600 dark:text-gray-300">{stackingText(points.stacking)}</p>
      )}
    </div>
  );
}
