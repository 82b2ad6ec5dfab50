import { strings } from "../../config/strings.ts";
import type { Activity } from "./activity-types.ts";

type Campaign = Activity["points"]["campaigns"][number];

/**
 * "650 pts", the base when a campaign changes it, and each campaign: "3× Winter bonus · +50". With
 * several campaigns, how they combine is the program's setting (`points.stacking`), said as such:
 * nothing here claims more than that rule and the numbers.
 */
export function ActivityPoints({ points }: { points: Activity["points"] }) {
  const boosted = points.effective !== points.base;
  const notApplied = (campaign: Campaign) =>
    strings.activities.campaignNotApplied(points.stacking, campaign.points < points.base);
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-xl font-bold text-indigo-700 dark:text-indigo-300">
          {strings.activities.points(points.effective)}
        </span>
        {boosted && (
          <span className="text-sm text-gray-600 dark:text-gray-300">
            {strings.activities.basePoints(points.base)}
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
              {strings.activities.campaign(campaign.multiplier, campaign.title, campaign.pointGift)}
              {!campaign.applied && <span className="sr-only"> ({notApplied(campaign)})</span>}
            </li>
          ))}
        </ul>
      )}
      {points.campaigns.length > 1 && (
        <p className="mt-1 text-xs text-gray-600 dark:text-gray-300">
          {strings.activities.campaignStacking[points.stacking]}
        </p>
      )}
    </div>
  );
}
