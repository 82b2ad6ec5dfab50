// The sandbox keeps its demo program in one canonical shape; the CrowdTwist and Alida routes
// render it into each endpoint's own (quirky) JSON.

/** The activity types both CrowdTwist documents list; each endpoint numbers them its own way. */
export type SeedActivityType =
  | "facebook"
  | "merchandise"
  | "music"
  | "tickets"
  | "twitter"
  | "your_site"
  | "check_in"
  | "code_redemption";

export interface SeedTier {
  id: number;
  title: string;
  minValue: number;
  /** `null` for the top tier. */
  maxValue: number | null;
  /** Points to earn in the tier year to keep the tier; `null` where the tier cannot be lost. */
  scoreToMaintain: number | null;
}

export interface SeedSegment {
  subscriptionId: number;
  name: string;
}

export interface SeedCampaign {
  title: string;
  multiplier: number;
  pointGift: number;
}

export interface SeedFrequency {
  cap: number;
  periodId: number;
  requiredAttempts: number | null;
}

export interface SeedActivity {
  id: number;
  /** Control Center's own words (`name`, `title`, `description`): what the program team calls it. */
  name: string;
  title: string;
  description: string;
  /** What members are meant to read; empty where the team never filled it in (members then get `title`). */
  publicTitle: string;
  publicDescription: string;
  numPoints: number;
  image: string;
  categoryId: 1 | 2 | 3 | 4;
  type: SeedActivityType;
  channelId: number | null;
  frequency: SeedFrequency | null;
  redirectUrl: string | null;
  pointsOnClick: boolean;
  actionTags: string | null;
  /** Days relative to the sandbox's start, so the demo keeps every date state whenever it runs. */
  startInDays: number | null;
  endInDays: number | null;
  minTierId: number | null;
  showAsLockedByTier: boolean;
  tags: { id: number; name: string }[];
  segment: { subscriptionId: number; eligibility: "inclusion" | "exclusion" } | null;
  extraData: Record<string, string> | null;
  campaigns: SeedCampaign[];
  /**
   * Member-facing words loaded per language ("fr"): what User Activity messages carry as
   * translatedTitle/translatedDescription for a member with that language preference.
   */
  translations?: Record<string, { title: string; description: string }>;
}

/** A reward members spend points on (the User Redemption feed names it). */
export interface SeedReward {
  id: number;
  /** Sizes and colours of one reward share a group. */
  groupId: number;
  title: string;
  description: string;
  category: string;
  cost: number;
}

export interface SeedMember {
  username: string;
  /** CrowdTwist's internal user id. */
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  facebookUserId: string;
  twitterUserId: string;
  mobilePhoneNumber: string;
  city: string;
  state: string;
  postalCode: string;
  region: string;
  country: string;
  gender: string;
  tierId: number;
  /** Points earned in the current tier year (CrowdTwist's timeframe score). */
  timeframeScore: number;
  totalPoints: number;
  redeemablePoints: number;
  segments: number[];
  /** When the member reached the current tier, days before the sandbox's start. */
  reachedDaysAgo: number;
  /** CrowdTwist's `isActive`; false for an account the brand has deactivated. Default true. */
  isActive?: boolean;
  /** The member's language preference (`langPref`); translated activity titles follow it. */
  language?: string;
  /** Points that will expire, days after the sandbox's start (the Points Expiration feed). */
  expiringInDays?: { points: number; inDays: number }[];
  /**
   * Live Push sends this member's tier dates as ISO 8601 without a zone ("2027-08-03T19:00:00.000"),
   * which the format allows and the document's samples never show: read as UTC, they must mean
   * the same instants as everyone else's "…Z".
   */
  zonelessDates?: boolean;
}

export interface SeedAlidaActivity {
  id: string;
  name: string;
  activityType: "Survey" | "Forum" | "ExternalActivity" | "Sparq1survey";
  status: "open" | "closed";
  isReady: boolean;
  hideFromMember: boolean;
  /** The CrowdTwist activity id this one stands for in the external system. */
  alternateId: string | null;
  openedInDays: number | null;
  closedInDays: number | null;
  projectId: string;
  projectType: "Research" | "Recruitment";
  memberEvents: Record<string, number>;
}

export interface SeedProgram {
  tiers: SeedTier[];
  segments: SeedSegment[];
  activities: SeedActivity[];
  members: SeedMember[];
  rewards: SeedReward[];
  alida: { panelId: string; activities: SeedAlidaActivity[] };
}
