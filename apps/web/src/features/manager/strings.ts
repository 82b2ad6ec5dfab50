import { plural } from "../../config/strings.ts";
import { formatInteger } from "../../lib/format.ts";

// Every English word of the program manager area. A module of its own, imported only from this
// feature, so these strings ship in the lazy manager chunk and members never download them.

export type TierState = "available" | "locked" | "hidden";
export type Observed = TierState | "absent";

const times = (count: number) =>
  count === 1 ? "once" : count === 2 ? "twice" : plural(count, { one: "# time", other: "up to # times" });

// CrowdTwist's frequency periods (ids as in its Control Center) in words that fit "once per …".
const PERIODS: Record<string, string> = {
  "1": "24 hours",
  "2": "calendar day",
  "3": "7 days",
  "4": "calendar week",
  "6": "calendar month",
  "7": "calendar year",
  "8": "365 days",
  "9": "30 days",
};
const LIFETIME = "5";

export const managerStrings = {
  areaTitle: "Program manager preview",
  nav: {
    label: "Program manager",
    find: "Find activities",
    preview: "Preview as a member",
    audit: "Audit log",
  },

  find: {
    // The area's front page, so it carries the area's name (the tab above it says "Find activities").
    title: "Program manager preview",
    lead: "See how an activity looks and who can do it, tier by tier, before members do.",
    lookupHeading: "Look up by CrowdTwist id",
    idLabel: "CrowdTwist activity id",
    idHint: "The number CrowdTwist gives the activity, e.g. 64.",
    idMissing: "Enter the activity's id: the number CrowdTwist gives it, e.g. 64.",
    open: "Open",
    checking: "Checking…",
    unknown: (id: string) => `CrowdTwist has no activity ${id}.`,
    browseHeading: "Activities in the program",
    browseLead:
      "What the preview personas (one per tier) can see in CrowdTwist, plus activities looked up recently.",
    filters: "Filter activities",
    search: "Title contains",
    tag: "Tag",
    category: "Category",
    channel: "Channel",
    tier: "Tier",
    state: "State",
    any: "Any",
    anyTier: "Any tier",
    clear: "Clear filters",
    count: (shown: number, total: number) =>
      shown === total
        ? plural(total, { one: "# activity", other: "# activities" })
        : `${formatInteger(shown)} of ${plural(total, { one: "# activity", other: "# activities" })}`,
    noneMatch: "No activities match these filters.",
    none: "No activities are known yet. Look one up by its id above.",
    recent: "Viewed recently",
    internalTitle: (title: string) => `Internal title: ${title}`,
    segment: (name: string, eligibility: "inclusion" | "exclusion") =>
      eligibility === "inclusion" ? `Only ${name}` : `Everyone but ${name}`,
    unknownState: "unknown",
  },

  states: {
    available: "Available",
    locked: "Locked",
    hidden: "Hidden",
    absent: "Not listed",
    unknown: "Unknown",
  } as Record<Observed | "unknown", string>,

  detail: {
    back: "All activities",
    documentTitle: (id: string) => `Activity ${id}`,
    subtitle: (id: string) => `CrowdTwist activity ${id}`,
    notFoundTitle: "Activity not found",
    notFound: (id: string) => `CrowdTwist has no activity ${id}. Check the id and look it up again.`,
    invalidTitle: "That is not an activity id",
    factsHeading: "What it is",
    internal: "Internal (Control Center)",
    public: "Members see",
    // CrowdTwist's public wording may be left empty; members then get Control Center's words.
    noPublicTitle: "No public title: members see the internal title, the heading of this page",
    noPublicDescription: "No public description: members see the internal description below",
    internalName: "Name",
    title: "Title",
    description: "Description",
    category: "Category",
    type: "Type",
    channel: "Channel",
    none: "None",
    points: "Points",
    pointsValue: (count: number) => plural(count, { one: "# point", other: "# points" }),
    pointsOnClick: "Points on click",
    pointsOnClickYes: "Yes — points are awarded when the member clicks through",
    pointsOnClickNo: "No — points are awarded when CrowdTwist records the completion",
    frequency: "Frequency",
    noFrequency: "No limit",
    frequencyText: (cap: number, periodId: string, periodName: string | null) => {
      if (periodId === LIFETIME)
        return cap === 1 ? "once per member, ever" : `${times(cap)} per member, ever`;
      const period = PERIODS[periodId] ?? periodName?.toLowerCase() ?? `period ${periodId}`;
      return `${times(cap)} per ${period}`;
    },
    requiredAttempts: (count: number) =>
      `${plural(count, { one: "# completion", other: "# completions" })} before points are awarded`,
    dates: "Dates",
    starts: "Starts",
    ends: "Ends",
    noStart: "No start date",
    noEnd: "No end date",
    timeZone: (zone: string) => `Times in your time zone (${zone}).`,
    tags: "Tags",
    noTags: "No tags",
    segment: "Segment rule",
    noSegment: "No segment rule: every member of an eligible tier",
    segmentInclusion: (name: string) => `Inclusion: only members in the segment “${name}”`,
    segmentExclusion: (name: string) => `Exclusion: every member except those in the segment “${name}”`,
    tierRule: "Tier rule",
    noTierRule: "Open to every tier",
    tierRuleText: (tier: string, locked: boolean) =>
      `From ${tier}; lower tiers ${locked ? "see it locked" : "do not see it"}`,
    unknownTierRule: (id: string, locked: boolean) =>
      `From tier ${id}, which the program config does not list; lower tiers ${locked ? "see it locked" : "do not see it"}`,
    redirect: "Links to",
    extraData: "Extra data",
    noExtraData: "None",
  },

  grid: {
    heading: "Who sees it",
    caption: "How the activity appears to members of each tier",
    audience: "Members",
    audiences: {
      everyone: "Every member",
      in_segment: (name: string) => `In “${name}”`,
      out_of_segment: (name: string) => `Not in “${name}”`,
    },
    locked: (tier: string | null) => (tier ? `Reach ${tier} to unlock` : "Reach a higher tier to unlock"),
    hiddenTier: "Below the tier rule",
    notNow: "Not available now",
    /** Why no tier can do it now: its dates, or its Alida survey or forum. */
    notNowReasons: (reasons: string[]) => `No tier can do this now: ${reasons.join("; ")}.`,
    notNowReason: {
      ended: (when: string) => `it ended ${when}`,
      not_started: (when: string) => `it starts ${when}`,
      closed: "its Alida activity is closed",
      hidden: "its Alida activity is hidden from members",
      not_ready: "its Alida activity is not ready",
    },
    hiddenSegment: "Outside the segment",
    guess: "Best guess: a tier in play is missing from the program config",
    unknownTier:
      "The tier rule names a tier the program config does not list, so this grid is a best guess. Add the tier to the program config.",
    selected: "selected",
  },

  personas: {
    heading: "What CrowdTwist says for each tier's persona",
    lead: "Each tier has a preview persona. Their real CrowdTwist answer is checked against the rule above.",
    persona: "Persona",
    tier: "Tier",
    expected: "The rule says",
    observed: "CrowdTwist shows",
    result: "Check",
    agrees: "Agrees",
    disagrees: "Disagrees",
    unavailable: "Could not ask CrowdTwist",
    disagreement: (observed: Observed, user: string, tier: string, expected: string[]) =>
      `CrowdTwist ${observed === "absent" ? "does not list this" : `shows this as ${observed}`} to ${user} (${tier}), but the rule says ${expected.join(" or ")}.`,
    allAgree: "CrowdTwist agrees with the rule for every persona.",
    disagreementsTitle: (count: number) =>
      plural(count, { one: "# disagreement with CrowdTwist", other: "# disagreements with CrowdTwist" }),
    or: " or ",
  },

  cards: {
    heading: "What members see",
    lead: "The card members get, as each tier sees it today.",
    tierPicker: "Show the card for",
    allTiers: "Every tier",
    hidden: "Not shown to members in this tier",
    hiddenSegment: (name: string) => `Not shown to members outside “${name}”`,
    inSegment: (name: string) => `Members in “${name}”`,
    outOfSegment: (name: string) => `Members not in “${name}”`,
    pending: "The shared activity card is not available yet.",
  },

  alida: {
    heading: "Alida",
    notLinked: "Not linked to an Alida activity.",
    notLinkedHint: "Add the extra data key alida_activity_id to link a survey or forum.",
    notFound: (id: string) => `Alida has no activity ${id}. Check the alida_activity_id in the extra data.`,
    unavailable: "Alida is unavailable",
    linkedId: (id: string) => `Alida activity ${id}`,
    name: "Name",
    type: "Type",
    status: "Status",
    statuses: { open: "Open", closed: "Closed" } as Record<string, string>,
    opened: "Opened",
    closed: "Closes",
    isReady: "Ready",
    hideFromMember: "Hidden from members",
    alternateId: "External id",
    yes: "Yes",
    no: "No",
    notSet: "Not set",
    memberEvents: "Member events",
    noMemberEvents: "Member event counts are not available.",
    eventName: (key: string) => {
      const words = key
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/_/g, " ")
        .toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    },
    consistent: "Consistent with CrowdTwist.",
    warningsTitle: (count: number) =>
      plural(count, { one: "# difference from CrowdTwist", other: "# differences from CrowdTwist" }),
    warnings: {
      alida_closed: "Closed in Alida while live in CrowdTwist",
      alida_not_ready: "Not ready in Alida",
      alida_hidden: "Hidden from members in Alida",
      windows_do_not_overlap: "The date windows do not overlap",
    },
    windowDetail: (ct: string, alida: string) => `CrowdTwist: ${ct}. Alida: ${alida}.`,
    range: (start: string | null, end: string | null) => `${start ?? "no start"} to ${end ?? "no end"}`,
  },

  preview: {
    title: "Preview as a member",
    lead: "See the portal exactly as one member sees it. Read-only, and every preview is recorded in the audit log with your reason.",
    idType: "Member id type",
    idTypes: {
      third_party_id: "Third-party id (sign-in id)",
      id: "CrowdTwist id",
      email: "Email address",
      username: "Username",
      facebook_user_id: "Facebook user id",
      twitter_user_id: "Twitter user id",
      mobile_phone_number: "Mobile phone number",
    } as Record<string, string>,
    userId: "Member id",
    reason: "Reason",
    reasonHint: "Why you are previewing this member, e.g. a support ticket number. At least 10 characters.",
    reasonTooShort:
      "Say why you are previewing this member (at least 10 characters); it goes into the audit log.",
    userIdMissing: "Name the member to preview.",
    submit: "Preview",
    submitting: "Opening preview…",
    banner: (member: string) =>
      `You are previewing ${member}'s portal — read-only; this preview is recorded in the audit log`,
    auditRef: (id: string) => `Audit entry ${id}`,
    notEnrolled: (member: string) =>
      `${member} is not enrolled in the rewards program, so there is nothing to show.`,
    activities: (member: string) => `${member}'s activities`,
    none: "This member has no activities right now.",
    profileByOtherId: (idType: string) =>
      `The tier card is found by the member's ${idType}: preview by that id to see their tier, path and points.`,
    failed: "We couldn't open this preview",
  },

  audit: {
    title: "Audit log",
    lead: "Every member preview, newest first. Filter by manager, member or days, and download what you see as CSV.",
    caption: "Member previews",
    filters: "Filter the audit log",
    manager: "Manager",
    anyManager: "Any manager",
    managerOption: (name: string, sub: string) => `${name} (${sub})`,
    memberId: "Member id",
    memberHint: "Any id type. An email is matched in lower case, as previews record it.",
    from: "From (day)",
    to: "To (day)",
    daysIn: (zone: string) => `Days run from midnight to midnight in the program's time zone (${zone}).`,
    apply: "Apply filters",
    clear: "Clear filters",
    results: "Entries",
    loading: "Loading the audit log…",
    checkField: "Nothing shown: a filter above needs fixing; it says how.",
    export: "Download CSV",
    more: "Show older entries",
    loadingMore: "Loading older entries…",
    shown: (count: number, more: boolean) =>
      `${count === 1 ? "1 entry" : `${count} entries`} shown${more ? "; older ones follow" : " — that is all"}.`,
    member: "Member",
    reason: "Reason",
    time: "Time",
    none: "No previews have been recorded yet.",
    noneMatch: "No entries match these filters.",
    memberValue: (idType: string, id: string) => `${id} (${idType})`,
  },

  errors: {
    load: "We couldn't load this",
    activities: "We couldn't load the program's activities",
    audit: "We couldn't load the audit log",
    auditMore: "We couldn't load older entries",
  },
  notFound: "There's no manager page at this address.",
} as const;
