import { t } from "@lingui/core/macro";
import type { TierAssignmentView } from "@portal/bff/profile/profile-view";
import { formatDay } from "../../../lib/format.ts";

// Tier assignments only: an update of points is no event in the member's history (ADR 0018).
type TierEventName = NonNullable<TierAssignmentView["event"]>;

/**
 * One tier assignment in words, "You reached Gold on 3 March". `null`: an assignment the rewards
 * program did not name (we learned of it from a later update).
 */
export function tierEventText(event: TierEventName | null, tier: string, iso: string): string {
  const day = formatDay(iso);
  switch (event) {
    case "JUMP":
      return t`You reached ${tier} on ${day}`;
    case "DROP":
      return t`You moved down to ${tier} on ${day}`;
    case "MAINTAIN":
      return t`You kept ${tier} on ${day}`;
    case "RESET":
      return t`Your ${tier} tier points started again from 0 on ${day}`;
    case "START":
      return t`You started at ${tier} on ${day}`;
    case null:
      return t`You've held ${tier} since ${day}`;
  }
}
