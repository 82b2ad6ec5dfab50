import { LockIcon } from "../../../components/icons.tsx";
import { strings } from "../../../config/strings.ts";
import type { Activity } from "../api/activities-query.ts";

type Locked = Extract<Activity["visibility"], { state: "locked" }>;

/** Points still missing for the unlocking tier, when the member's score is known. */
export function pointsToUnlock(visibility: Locked, memberScore: number | null): number | null {
  if (memberScore === null || !visibility.unlockTier) return null;
  return Math.max(0, visibility.unlockTier.minScore - memberScore);
}

/** "Reach Silver to unlock — 650 pts to go", behind a lock icon that screen readers name. */
export function LockNotice({
  id,
  visibility,
  memberScore,
}: {
  id: string;
  visibility: Locked;
  memberScore: number | null;
}) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-gray-800 dark:text-gray-100">
      <span role="img" aria-label={strings.activities.lockedIcon} className="mt-0.5 shrink-0">
        <LockIcon />
      </span>
      {strings.activities.unlock(
        visibility.unlockTier?.title ?? null,
        pointsToUnlock(visibility, memberScore),
      )}
    </p>
  );
}
