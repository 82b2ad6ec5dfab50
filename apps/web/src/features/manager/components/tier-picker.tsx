import { navigate } from "../../../lib/router.tsx";
import { managerPaths } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";

// Which tier's card to show: every tier, or one (`?tier=` in the address, so the view can be shared).

interface Props {
  activityId: string;
  tiers: { id: string; title: string }[];
  selected: string | null;
}

export function TierPicker({ activityId, tiers, selected }: Props) {
  const choose = (tierId: string | null) =>
    navigate(managerPaths.activity(activityId, tierId), { replace: true, focus: false });
  const options = [{ id: "", title: s.cards.allTiers }, ...tiers];
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{s.cards.tierPicker}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((tier) => {
          const checked = (selected ?? "") === tier.id;
          return (
            <label
              key={tier.id || "all"}
              className={`cursor-pointer rounded-full border px-3 py-1 text-sm font-medium has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600 dark:has-focus-visible:outline-sky-300 ${
                checked
                  ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-gray-950"
                  : "border-gray-400 bg-white text-gray-900 hover:bg-gray-50 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800"
              }`}
            >
              <input
                type="radio"
                name={`tier-${activityId}`}
                value={tier.id}
                checked={checked}
                onChange={() => choose(tier.id || null)}
                className="sr-only"
              />
              {tier.title}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
