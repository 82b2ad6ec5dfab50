import { plural, t } from "@lingui/core/macro";
import { brandLang } from "../../../lib/brand.ts";
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
 * activity's public title); when CrowdTwist named it nowhere, what it was, in the portal's words.
 * `lang`: the brand's language for the brand's own words on a page in another (lib/brand.ts); none
 * for CrowdTwist's translation for the member or the portal's words, which inherit the page's.
 */
export function entryTitle(
  entry: Pick<HistoryEntry, "kind" | "title" | "activityId" | "reward" | "titleTranslated">,
): { text: string; lang: string | undefined } {
  const own = entry.title?.trim();
  if (own) return { text: own, lang: entry.titleTranslated ? undefined : brandLang() };
  const reward = entry.reward?.title?.trim();
  if (reward) return { text: reward, lang: brandLang() };
  const id = entry.activityId;
  return { text: entry.kind === "redeemed" ? t`A reward` : t`Activity ${id}`, lang: undefined };
}
