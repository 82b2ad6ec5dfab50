import { strings } from "../../../config/strings.ts";
import type { MemberProfileView } from "../api/me-query.ts";

type Tier = MemberProfileView["tier"];

/** Every tier and the tier points it starts at: "Silver from 1,000 pts". */
export function TierLadder({ ladder }: { ladder: Tier["ladder"] }) {
  if (ladder.length === 0) return null;
  return (
    <div className="mt-3 text-sm text-gray-700 dark:text-gray-300">
      <p id="tier-ladder-heading">{strings.tier.ladder}</p>
      <ul aria-labelledby="tier-ladder-heading" className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {ladder.map((step) => (
          <li key={step.title} className="whitespace-nowrap">
            {strings.tier.ladderStep(step.title, step.minScore)}
          </li>
        ))}
      </ul>
    </div>
  );
}
