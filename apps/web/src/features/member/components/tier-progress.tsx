import { strings } from "../../../config/strings.ts";
import type { MemberProfileView } from "../api/me-query.ts";

type Tier = MemberProfileView["tier"];

/** The bar toward the next tier, or the top tier's own message. */
export function TierProgress({ tier }: { tier: Tier }) {
  if (tier.isTopTier || !tier.next) {
    return (
      <p className="mt-4 rounded-lg bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
        {strings.tier.topTier(tier.current?.title ?? "")}
      </p>
    );
  }
  const percent = Math.round(Math.min(1, Math.max(0, tier.progress)) * 100);
  const text = strings.tier.toNext(tier.pointsToNext ?? 0, tier.next.title);
  return (
    <div className="mt-4">
      <div
        role="progressbar"
        aria-label={strings.tier.progressLabel(tier.next.title)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-3 overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700"
      >
        <div
          className="h-full rounded-full bg-indigo-600 motion-safe:transition-[width] motion-safe:duration-700 dark:bg-indigo-400"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 flex justify-between text-sm">
        <span className="font-medium">{text}</span>
        <span className="text-gray-600 dark:text-gray-300">{tier.next.title}</span>
      </p>
    </div>
  );
}
