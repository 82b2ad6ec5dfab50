import { t } from "@lingui/core/macro";

/** CrowdTwist's category ids (1 Share, 2 Socialize, 3 Interact, 4 Buy) in words; others read "Other". */
export function categoryName(id: string | null): string {
  switch (id) {
    case "1":
      return t`Share`;
    case "2":
      return t`Socialize`;
    case "3":
      return t`Interact`;
    case "4":
      return t`Buy`;
    default:
      return t`Other`;
  }
}
