import { plural, t } from "@lingui/core/macro";
import type { HistoryEntry } from "../api/history-query.ts";

/** "+50 pts", "−200 pts": the sign is written, so a redemption never reads as an award. */
export function signedPointsText(points: number): string {
  const size = Math.abs(points);
  if (points > 0) return plural(size, { one: "+# pt", other: "+# pts" });
  if (points < 0) return plural(size, { one: "−# pt", other: "−# pts" });
  return t`No points`;
}

/**
 * The entry's title as the BFF chose it for the member (the reward, CrowdTwist's translation, the
 * activity's public title); when CrowdTwist named it nowhere, what it was.
 */
export function entryTitle(entry: Pick<HistoryEntry, "kind" | "title" | "activityId" | "reward">): string {
  const title = entry.title?.trim() || entry.reward?.title?.trim();
  if (title) return title;
  const id = entry.activityId;
  return entry.kind === "redeemed" ? t`A reward` : t`Activity ${id}`;
}
