import type { SeedActivityType } from "../program/seed-types.ts";

// The sandbox's own copy of CrowdTwist's lookup tables, typed in from the two documents
// (upstream-docs/crowdtwist-v2-user-activities.txt and …-activity-extended.txt) and never taken from
// our client: if the client reads a table differently from the document, the contract tests say so.

/** "User Activities", `type_id`: 1 = Facebook … 9 = Code Redemption (there is no 4). */
export const USER_ACTIVITIES_TYPE_ID: Readonly<Record<SeedActivityType, string>> = {
  facebook: "1",
  merchandise: "2",
  music: "3",
  tickets: "5",
  twitter: "6",
  your_site: "7",
  check_in: "8",
  code_redemption: "9",
};

/** "Activity Search (extended)", `type_id` and `type_name`: 1 to 8, numbered differently. */
export const EXTENDED_TYPE: Readonly<Record<SeedActivityType, { id: string; name: string }>> = {
  facebook: { id: "1", name: "Facebook" },
  merchandise: { id: "2", name: "Merchandise" },
  music: { id: "3", name: "Music" },
  tickets: { id: "4", name: "Tickets" },
  twitter: { id: "5", name: "Twitter" },
  your_site: { id: "6", name: "Your Site" },
  check_in: { id: "7", name: "Check-In" },
  code_redemption: { id: "8", name: "Code Redemption" },
};

/** `category_name`, "Value can be between 1 to 4". */
export const CATEGORY_NAME: Readonly<Record<number, string>> = {
  1: "Share",
  2: "Socialize",
  3: "Interact",
  4: "Buy",
};

/**
 * `activity_channel_name`, 1 to 26, as the table words them — except 2, which the table spells
 * "Code redemption cgp" and the sample payload, the only real answer we have, "code redemption cpg".
 */
export const CHANNEL_NAME: Readonly<Record<number, string>> = {
  1: "Ad hoc points",
  2: "code redemption cpg",
  3: "Code redemption other",
  4: "Content creation and share",
  5: "Content download",
  6: "Donation",
  7: "Email open or click",
  8: "Email sent from member via program",
  9: "Facebook",
  10: "Foursquare",
  11: "Game played",
  12: "Instagram",
  13: "Mobile client app",
  14: "Mobile partner app",
  15: "Program login",
  16: "Purchase merchandise",
  17: "Purchase season ticket or subscription",
  18: "Purchase ticket",
  19: "Registration and profile",
  20: "Reward redemption",
  21: "Survey",
  22: "Sweeps",
  23: "Twitter",
  24: "Web client site activity",
  25: "Web other site activity",
  26: "Web partner site activity",
};

/** `freq_period_name`, 1 to 9; the "(Inactive)" ones can still be on old activities. */
export const FREQUENCY_PERIOD_NAME: Readonly<Record<number, string>> = {
  1: "24 Hours (Inactive)",
  2: "One Calendar Day",
  3: "Seven Calendar Days (Inactive)",
  4: "One Calendar Week",
  5: "Lifetime",
  6: "One Calendar Month",
  7: "One Calendar Year (Inactive)",
  8: "365 Days (Inactive)",
  9: "30 Days (Inactive)",
};
