// CrowdTwist numbers activity types differently on its two activity endpoints (compare the
// `type_id` tables of "User Activities" and "Activity Search (extended)"). Each endpoint keeps its
// own table here, named after it; the rest of the code only sees the canonical name.

export const ACTIVITY_TYPES = [
  "facebook",
  "merchandise",
  "music",
  "tickets",
  "twitter",
  "your_site",
  "check_in",
  "code_redemption",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** `type_id` as `GET /v2/users/{user_id}/activities` numbers it (there is no 4). */
export const USER_ACTIVITIES_TYPE_IDS: Readonly<Record<ActivityType, string>> = {
  facebook: "1",
  merchandise: "2",
  music: "3",
  tickets: "5",
  twitter: "6",
  your_site: "7",
  check_in: "8",
  code_redemption: "9",
};

/** `type_id` as `GET /v2/activities/{id}/extended` numbers it (1 to 8). */
export const EXTENDED_TYPE_IDS: Readonly<Record<ActivityType, string>> = {
  facebook: "1",
  merchandise: "2",
  music: "3",
  tickets: "4",
  twitter: "5",
  your_site: "6",
  check_in: "7",
  code_redemption: "8",
};

export const ACTIVITY_TYPE_NAMES: Readonly<Record<ActivityType, string>> = {
  facebook: "Facebook",
  merchandise: "Merchandise",
  music: "Music",
  tickets: "Tickets",
  twitter: "Twitter",
  your_site: "Your Site",
  check_in: "Check-In",
  code_redemption: "Code Redemption",
};

function invert(table: Readonly<Record<ActivityType, string>>): ReadonlyMap<string, ActivityType> {
  return new Map(ACTIVITY_TYPES.map((type) => [table[type], type]));
}

const fromUserActivities = invert(USER_ACTIVITIES_TYPE_IDS);
const fromExtended = invert(EXTENDED_TYPE_IDS);

/** The canonical type for a user-activities `type_id`, or `undefined` for an id the table lacks. */
export function typeFromUserActivitiesId(id: string): ActivityType | undefined {
  return fromUserActivities.get(id);
}

/** The canonical type for an extended-endpoint `type_id`, or `undefined` for an id the table lacks. */
export function typeFromExtendedId(id: string): ActivityType | undefined {
  return fromExtended.get(id);
}

export const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  "1": "Share",
  "2": "Socialize",
  "3": "Interact",
  "4": "Buy",
};

export const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  "1": "Ad hoc points",
  "2": "Code redemption cpg",
  "3": "Code redemption other",
  "4": "Content creation and share",
  "5": "Content download",
  "6": "Donation",
  "7": "Email open or click",
  "8": "Email sent from member via program",
  "9": "Facebook",
  "10": "Foursquare",
  "11": "Game played",
  "12": "Instagram",
  "13": "Mobile client app",
  "14": "Mobile partner app",
  "15": "Program login",
  "16": "Purchase merchandise",
  "17": "Purchase season ticket or subscription",
  "18": "Purchase ticket",
  "19": "Registration and profile",
  "20": "Reward redemption",
  "21": "Survey",
  "22": "Sweeps",
  "23": "Twitter",
  "24": "Web client site activity",
  "25": "Web other site activity",
  "26": "Web partner site activity",
};

/** Frequency periods; the "(Inactive)" ones can no longer be chosen in Control Center but may linger. */
export const FREQUENCY_PERIOD_NAMES: Readonly<Record<string, string>> = {
  "1": "24 Hours (Inactive)",
  "2": "One Calendar Day",
  "3": "Seven Calendar Days (Inactive)",
  "4": "One Calendar Week",
  "5": "Lifetime",
  "6": "One Calendar Month",
  "7": "One Calendar Year (Inactive)",
  "8": "365 Days (Inactive)",
  "9": "30 Days (Inactive)",
};
