import { plural, t } from "@lingui/core/macro";
import { formatInteger, formattingLocale } from "../../lib/format.ts";
import type { AuditProblem } from "./lib/audit-filters.ts";

// The program manager area's words, as catalog messages (lib/i18n): each is looked up when it is
// read, in the language in force. Kept together, in the area's lazy chunk, because the area's pages
// share most of them. Read them while rendering, never at a module's top level: the chunk can run
// before the area's catalog has arrived (routes/manage-route.tsx fetches both at once).

export type TierState = "available" | "locked" | "hidden";
export type Observed = TierState | "absent";

const LIFETIME = "5";

/**
 * "Once per calendar week", "Up to 3 times per 30 days": CrowdTwist's frequency periods (ids as in
 * its Control Center); a period it names that we do not know is said with its own (English) name.
 */
function frequencyText(cap: number, periodId: string, periodName: string | null): string {
  if (periodId === LIFETIME) {
    return plural(cap, {
      one: "once per member, ever",
      2: "twice per member, ever",
      other: "up to # times per member, ever",
    });
  }
  switch (periodId) {
    case "1":
      return plural(cap, {
        one: "once per 24 hours",
        2: "twice per 24 hours",
        other: "up to # times per 24 hours",
      });
    case "2":
      return plural(cap, {
        one: "once per calendar day",
        2: "twice per calendar day",
        other: "up to # times per calendar day",
      });
    case "3":
      return plural(cap, {
        one: "once per 7 days",
        2: "twice per 7 days",
        other: "up to # times per 7 days",
      });
    case "4":
      return plural(cap, {
        one: "once per calendar week",
        2: "twice per calendar week",
        other: "up to # times per calendar week",
      });
    case "6":
      return plural(cap, {
        one: "once per calendar month",
        2: "twice per calendar month",
        other: "up to # times per calendar month",
      });
    case "7":
      return plural(cap, {
        one: "once per calendar year",
        2: "twice per calendar year",
        other: "up to # times per calendar year",
      });
    case "8":
      return plural(cap, {
        one: "once per 365 days",
        2: "twice per 365 days",
        other: "up to # times per 365 days",
      });
    case "9":
      return plural(cap, {
        one: "once per 30 days",
        2: "twice per 30 days",
        other: "up to # times per 30 days",
      });
    default: {
      const period = periodName?.toLowerCase() ?? periodId;
      return plural(cap, {
        one: `once per ${period}`,
        2: `twice per ${period}`,
        other: `up to # times per ${period}`,
      });
    }
  }
}

/** A tier state inside a sentence ("the rule says locked or hidden"). */
function stateInSentence(state: string): string {
  switch (state) {
    case "available":
      return t`available`;
    case "locked":
      return t`locked`;
    case "hidden":
      return t`hidden`;
    default:
      return state;
  }
}

export const managerMessages = {
  /** "Name:" before what it names; French spaces the colon ("Nom :"), so it is the catalog's. */
  labelled: (term: string) => t`${term}:`,
  get areaTitle() {
    return t`Program manager preview`;
  },
  nav: {
    get label() {
      return t`Program manager`;
    },
    get find() {
      return t`Find activities`;
    },
    get preview() {
      return t`Preview as a member`;
    },
    get audit() {
      return t`Audit log`;
    },
  },

  find: {
    // The area's front page, so it carries the area's name (the tab above it says "Find activities").
    get title() {
      return t`Program manager preview`;
    },
    get lead() {
      return t`See how an activity looks and who can do it, tier by tier, before members do.`;
    },
    get lookupHeading() {
      return t`Look up by CrowdTwist id`;
    },
    get idLabel() {
      return t`CrowdTwist activity id`;
    },
    get idHint() {
      return t`The number CrowdTwist gives the activity, e.g. 64.`;
    },
    get idInvalid() {
      return t`An activity id is the number CrowdTwist gives it, e.g. 64.`;
    },
    get idMissing() {
      return t`Enter the activity's id: the number CrowdTwist gives it, e.g. 64.`;
    },
    get open() {
      // The verb, on the button; "Open" is also an Alida activity's state (the adjective).
      return t({ message: "Open", context: "button that opens the activity" });
    },
    get checking() {
      return t`Checking…`;
    },
    unknown: (id: string) => t`CrowdTwist has no activity ${id}.`,
    get browseHeading() {
      return t`Activities in the program`;
    },
    get browseLead() {
      return t`What the preview personas (one per tier) can see in CrowdTwist, plus activities looked up recently.`;
    },
    get filters() {
      return t`Filter activities`;
    },
    get search() {
      return t`Title contains`;
    },
    get tag() {
      return t`Tag`;
    },
    get category() {
      return t`Category`;
    },
    get channel() {
      return t`Channel`;
    },
    get tier() {
      return t`Tier`;
    },
    get state() {
      return t`State`;
    },
    // One "any" per filter: other languages agree it with the noun ("Toutes les étiquettes",
    // "Tous les canaux").
    get anyTag() {
      return t`Any tag`;
    },
    get anyCategory() {
      return t`Any category`;
    },
    get anyChannel() {
      return t`Any channel`;
    },
    get anyState() {
      return t`Any state`;
    },
    get anyTier() {
      return t`Any tier`;
    },
    get clear() {
      return t`Clear filters`;
    },
    count: (shown: number, total: number) => {
      if (shown === total) return plural(total, { one: "# activity", other: "# activities" });
      const count = formatInteger(shown);
      return plural(total, { one: `${count} of # activity`, other: `${count} of # activities` });
    },
    get noneMatch() {
      return t`No activities match these filters.`;
    },
    get none() {
      return t`No activities are known yet. Look one up by its id above.`;
    },
    get recent() {
      return t`Viewed recently`;
    },
    internalTitle: (title: string) => t`Internal title: ${title}`,
    segment: (name: string, eligibility: "inclusion" | "exclusion") =>
      eligibility === "inclusion" ? t`Only ${name}` : t`Everyone but ${name}`,
    get unknownState() {
      return t`unknown`;
    },
  },

  states: {
    get available() {
      return t`Available`;
    },
    get locked() {
      return t`Locked`;
    },
    get hidden() {
      return t`Hidden`;
    },
    get absent() {
      return t`Not listed`;
    },
    get unknown() {
      return t`Unknown`;
    },
  } as Record<Observed | "unknown", string>,

  detail: {
    get back() {
      return t`All activities`;
    },
    documentTitle: (id: string) => t`Activity ${id}`,
    subtitle: (id: string) => t`CrowdTwist activity ${id}`,
    get notFoundTitle() {
      return t`Activity not found`;
    },
    notFound: (id: string) => t`CrowdTwist has no activity ${id}. Check the id and look it up again.`,
    get invalidTitle() {
      return t`That is not an activity id`;
    },
    get factsHeading() {
      return t`What it is`;
    },
    get internal() {
      return t`Internal (Control Center)`;
    },
    get public() {
      return t`Members see`;
    },
    // CrowdTwist's public wording may be left empty; members then get Control Center's words.
    get noPublicTitle() {
      return t`No public title: members see the internal title, the heading of this page`;
    },
    get noPublicDescription() {
      return t`No public description: members see the internal description below`;
    },
    get internalName() {
      return t`Name`;
    },
    get title() {
      return t`Title`;
    },
    get description() {
      return t`Description`;
    },
    get category() {
      return t`Category`;
    },
    get type() {
      return t`Type`;
    },
    get channel() {
      return t`Channel`;
    },
    get none() {
      return t`None`;
    },
    get points() {
      return t`Points`;
    },
    pointsValue: (count: number) => plural(count, { one: "# point", other: "# points" }),
    get pointsOnClick() {
      return t`Points on click`;
    },
    get pointsOnClickYes() {
      return t`Yes — points are awarded when the member clicks through`;
    },
    get pointsOnClickNo() {
      return t`No — points are awarded when CrowdTwist records the completion`;
    },
    get frequency() {
      return t`Frequency`;
    },
    get noFrequency() {
      return t`No limit`;
    },
    frequencyText,
    requiredAttempts: (count: number) =>
      plural(count, {
        one: "# completion before points are awarded",
        other: "# completions before points are awarded",
      }),
    get dates() {
      return t`Dates`;
    },
    get starts() {
      return t`Starts`;
    },
    get ends() {
      return t`Ends`;
    },
    get noStart() {
      return t`No start date`;
    },
    get noEnd() {
      return t`No end date`;
    },
    timeZone: (zone: string) => t`Times in your time zone (${zone}).`,
    get tags() {
      return t`Tags`;
    },
    get noTags() {
      return t`No tags`;
    },
    get segment() {
      return t`Segment rule`;
    },
    get noSegment() {
      return t`No segment rule: every member of an eligible tier`;
    },
    segmentInclusion: (name: string) => t`Inclusion: only members in the segment “${name}”`,
    segmentExclusion: (name: string) => t`Exclusion: every member except those in the segment “${name}”`,
    get tierRule() {
      return t`Tier rule`;
    },
    get noTierRule() {
      return t`Open to every tier`;
    },
    tierRuleText: (tier: string, locked: boolean) =>
      locked ? t`From ${tier}; lower tiers see it locked` : t`From ${tier}; lower tiers do not see it`,
    unknownTierRule: (id: string, locked: boolean) =>
      locked
        ? t`From tier ${id}, which the program config does not list; lower tiers see it locked`
        : t`From tier ${id}, which the program config does not list; lower tiers do not see it`,
    get redirect() {
      return t`Links to`;
    },
    get extraData() {
      return t`Extra data`;
    },
    get noExtraData() {
      // Not the channel's "None": other languages agree it with "data" ("Aucune").
      return t({ message: "None", context: "no extra data" });
    },
  },

  grid: {
    get heading() {
      return t`Who sees it`;
    },
    get caption() {
      return t`How the activity appears to members of each tier`;
    },
    get audience() {
      return t`Members`;
    },
    audiences: {
      get everyone() {
        return t`Every member`;
      },
      in_segment: (name: string) => t`In “${name}”`,
      out_of_segment: (name: string) => t`Not in “${name}”`,
    },
    locked: (tier: string | null) => (tier ? t`Reach ${tier} to unlock` : t`Reach a higher tier to unlock`),
    get hiddenTier() {
      return t`Below the tier rule`;
    },
    get notNow() {
      return t`Not available now`;
    },
    /** Why no tier can do it now: its dates, or its Alida survey or forum. */
    notNowReasons: (list: string[]) => {
      // Listed as the language lists ("a, b and c", "a, b et c"), not joined by our own punctuation.
      const reasons = new Intl.ListFormat(formattingLocale(), { type: "conjunction" }).format(list);
      return t`No tier can do this now: ${reasons}.`;
    },
    notNowReason: {
      ended: (when: string) => t`it ended ${when}`,
      not_started: (when: string) => t`it starts ${when}`,
      get closed() {
        return t`its Alida activity is closed`;
      },
      get hidden() {
        return t`its Alida activity is hidden from members`;
      },
      get not_ready() {
        return t`its Alida activity is not ready`;
      },
    },
    get hiddenSegment() {
      return t`Outside the segment`;
    },
    get guess() {
      return t`Best guess: a tier in play is missing from the program config`;
    },
    get unknownTier() {
      return t`The tier rule names a tier the program config does not list, so this grid is a best guess. Add the tier to the program config.`;
    },
    get selected() {
      return t`selected`;
    },
  },

  personas: {
    get heading() {
      return t`What CrowdTwist says for each tier's persona`;
    },
    get lead() {
      return t`Each tier has a preview persona. Their real CrowdTwist answer is checked against the rule above.`;
    },
    get persona() {
      return t`Persona`;
    },
    get tier() {
      return t`Tier`;
    },
    get expected() {
      return t`The rule says`;
    },
    get observed() {
      return t`CrowdTwist shows`;
    },
    get result() {
      return t`Check`;
    },
    get agrees() {
      return t`Agrees`;
    },
    get disagrees() {
      return t`Disagrees`;
    },
    get unavailable() {
      return t`Could not ask CrowdTwist`;
    },
    disagreement: (observed: Observed, user: string, tier: string, expectedStates: string[]) => {
      const expected = expectedStates.map(stateInSentence).join(t` or `);
      if (observed === "absent") {
        return t`CrowdTwist does not list this to ${user} (${tier}), but the rule says ${expected}.`;
      }
      if (observed === "available") {
        return t`CrowdTwist shows this as available to ${user} (${tier}), but the rule says ${expected}.`;
      }
      if (observed === "locked") {
        return t`CrowdTwist shows this as locked to ${user} (${tier}), but the rule says ${expected}.`;
      }
      return t`CrowdTwist shows this as hidden to ${user} (${tier}), but the rule says ${expected}.`;
    },
    get allAgree() {
      return t`CrowdTwist agrees with the rule for every persona.`;
    },
    disagreementsTitle: (count: number) =>
      plural(count, { one: "# disagreement with CrowdTwist", other: "# disagreements with CrowdTwist" }),
    get or() {
      return t` or `;
    },
  },

  cards: {
    get heading() {
      return t`What members see`;
    },
    get lead() {
      return t`The card members get, as each tier sees it today.`;
    },
    get tierPicker() {
      return t`Show the card for`;
    },
    get allTiers() {
      return t`Every tier`;
    },
    get hidden() {
      return t`Not shown to members in this tier`;
    },
    hiddenSegment: (name: string) => t`Not shown to members outside “${name}”`,
    inSegment: (name: string) => t`Members in “${name}”`,
    outOfSegment: (name: string) => t`Members not in “${name}”`,
    get pending() {
      return t`The shared activity card is not available yet.`;
    },
  },

  alida: {
    get heading() {
      return t`Alida`;
    },
    get notLinked() {
      return t`Not linked to an Alida activity.`;
    },
    get notLinkedHint() {
      return t`Add the extra data key alida_activity_id to link a survey or forum.`;
    },
    notFound: (id: string) => t`Alida has no activity ${id}. Check the alida_activity_id in the extra data.`,
    get unavailable() {
      return t`Alida is unavailable`;
    },
    unavailableWhy: (reason: "not_configured" | "not_answering") =>
      reason === "not_configured"
        ? t`The portal has no access to Alida (ALIDA_CLIENT_SECRET is not set), so the survey or forum cannot be checked.`
        : t`The research community is not answering right now; CrowdTwist's side is shown as usual.`,
    linkedId: (id: string) => t`Alida activity ${id}`,
    get name() {
      return t`Name`;
    },
    get type() {
      return t`Type`;
    },
    get status() {
      return t`Status`;
    },
    statuses: {
      get open() {
        return t`Open`;
      },
      get closed() {
        return t`Closed`;
      },
    } as Record<string, string>,
    get opened() {
      return t`Opened`;
    },
    get closed() {
      return t`Closes`;
    },
    get isReady() {
      return t`Ready`;
    },
    get hideFromMember() {
      return t`Hidden from members`;
    },
    get alternateId() {
      return t`External id`;
    },
    get yes() {
      return t`Yes`;
    },
    get no() {
      return t`No`;
    },
    get notSet() {
      return t`Not set`;
    },
    get memberEvents() {
      return t`Member events`;
    },
    get noMemberEvents() {
      return t`Member event counts are not available.`;
    },
    eventName: (key: string) => {
      const words = key
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/_/g, " ")
        .toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    },
    get consistent() {
      return t`Consistent with CrowdTwist.`;
    },
    warningsTitle: (count: number) =>
      plural(count, { one: "# difference from CrowdTwist", other: "# differences from CrowdTwist" }),
    warnings: {
      get alida_closed() {
        return t`Closed in Alida while live in CrowdTwist`;
      },
      get alida_not_ready() {
        return t`Not ready in Alida`;
      },
      get alida_hidden() {
        return t`Hidden from members in Alida`;
      },
      get windows_do_not_overlap() {
        return t`The date windows do not overlap`;
      },
    },
    windowDetail: (ct: string, alida: string) => t`CrowdTwist: ${ct}. Alida: ${alida}.`,
    range: (from: string | null, to: string | null) => {
      const start = from ?? t`no start`;
      const end = to ?? t`no end`;
      return t`${start} to ${end}`;
    },
  },

  preview: {
    get title() {
      return t`Preview as a member`;
    },
    get lead() {
      return t`See the portal exactly as one member sees it. Read-only, and every preview is recorded in the audit log with your reason.`;
    },
    get idType() {
      return t`Member id type`;
    },
    idTypes: {
      get third_party_id() {
        return t`Third-party id (sign-in id)`;
      },
      get id() {
        return t`CrowdTwist id`;
      },
      get email() {
        return t`Email address`;
      },
      get username() {
        return t`Username`;
      },
      get facebook_user_id() {
        return t`Facebook user id`;
      },
      get twitter_user_id() {
        return t`Twitter user id`;
      },
      get mobile_phone_number() {
        return t`Mobile phone number`;
      },
    } as Record<string, string>,
    get userId() {
      return t`Member id`;
    },
    get reason() {
      return t`Reason`;
    },
    get reasonHint() {
      return t`Why you are previewing this member, e.g. a support ticket number. At least 10 characters.`;
    },
    get reasonTooShort() {
      return t`Say why you are previewing this member (at least 10 characters); it goes into the audit log.`;
    },
    get idTypeInvalid() {
      return t`Choose one of the id types in the list.`;
    },
    get userIdMissing() {
      return t`Name the member to preview.`;
    },
    get submit() {
      return t`Preview`;
    },
    get submitting() {
      return t`Opening preview…`;
    },
    banner: (member: string) =>
      t`You are previewing ${member}'s portal — read-only; this preview is recorded in the audit log`,
    auditRef: (id: string) => t`Audit entry ${id}`,
    notEnrolled: (member: string) =>
      t`${member} is not enrolled in the rewards program, so there is nothing to show.`,
    activities: (member: string) => t`${member}'s activities`,
    get none() {
      return t`This member has no activities right now.`;
    },
    profileByOtherId: (idType: string) =>
      t`The tier card is found by the member's ${idType}: preview by that id to see their tier, path and points.`,
    get failed() {
      return t`We couldn't open this preview`;
    },
  },

  segments: {
    get heading() {
      return t`Segments`;
    },
    get lead() {
      return t`Every segment and group the member's recorded changes name, latest change first. Only segments decide which activities the member sees.`;
    },
    get none() {
      return t`No segment changes have been recorded for this member.`;
    },
    get name() {
      return t`Name`;
    },
    get type() {
      return t`Type`;
    },
    get state() {
      return t`Member`;
    },
    get trigger() {
      return t`Changed by`;
    },
    unnamed: (id: string) => t`Unnamed (${id})`,
    types: {
      get segment() {
        return t`Segment`;
      },
      get group() {
        return t`Group`;
      },
    } as Record<string, string>,
    inSince: (when: string) => t`In since ${when}`,
    leftOn: (when: string) => t`Left ${when}`,
    /** By CrowdTwist's `trigger` with `_` for its spaces ("segment criteria" → segment_criteria). */
    triggers: {
      get segment_criteria() {
        return t`Its criteria`;
      },
      get segment_disabled() {
        return t`Segment disabled`;
      },
    } as Record<string, string>,
    get unknownTrigger() {
      return t`Not said`;
    },
  },

  audit: {
    /** A filter's problem, as the BFF found it (lib/audit-filters.ts tells which). */
    problem: (problem: AuditProblem) => {
      switch (problem) {
        case "day":
          return t`Write the day as YYYY-MM-DD, from the year 1900 on, e.g. 2025-03-01.`;
        case "order":
          return t`The end day must be the start day or a later one.`;
        case "too_long":
          return t`At most 255 characters.`;
        case "characters":
          return t`Remove the control character or the broken one.`;
      }
    },
    get title() {
      return t`Audit log`;
    },
    get lead() {
      return t`Every member preview, newest first. Filter by manager, member or days, and download what you see as CSV.`;
    },
    get caption() {
      return t`Member previews`;
    },
    get filters() {
      return t`Filter the audit log`;
    },
    get manager() {
      return t`Manager`;
    },
    get anyManager() {
      return t`Any manager`;
    },
    managerOption: (name: string, sub: string) => t`${name} (${sub})`,
    get memberId() {
      return t`Member id`;
    },
    get memberHint() {
      return t`Any id type. An email is matched in lower case, as previews record it.`;
    },
    get from() {
      return t`From (day)`;
    },
    get to() {
      return t`To (day)`;
    },
    daysIn: (zone: string) => t`Days run from midnight to midnight in the program's time zone (${zone}).`,
    get apply() {
      return t`Apply filters`;
    },
    get clear() {
      return t`Clear filters`;
    },
    get results() {
      return t`Entries`;
    },
    get loading() {
      return t`Loading the audit log…`;
    },
    get checkField() {
      return t`Nothing shown: a filter above needs fixing; it says how.`;
    },
    get export() {
      return t`Download CSV`;
    },
    get more() {
      return t`Show older entries`;
    },
    get loadingMore() {
      return t`Loading older entries…`;
    },
    shown: (count: number, more: boolean) =>
      more
        ? plural(count, {
            one: "# entry shown; older ones follow.",
            other: "# entries shown; older ones follow.",
          })
        : plural(count, { one: "# entry shown — that is all.", other: "# entries shown — that is all." }),
    get member() {
      return t`Member`;
    },
    get reason() {
      return t`Reason`;
    },
    get time() {
      return t`Time`;
    },
    get none() {
      return t`No previews have been recorded yet.`;
    },
    get noneMatch() {
      return t`No entries match these filters.`;
    },
    memberValue: (idType: string, id: string) => t`${id} (${idType})`,
  },

  errors: {
    get load() {
      return t`We couldn't load this`;
    },
    get activities() {
      return t`We couldn't load the program's activities`;
    },
    get audit() {
      return t`We couldn't load the audit log`;
    },
    get auditMore() {
      return t`We couldn't load older entries`;
    },
  },
  get notFound() {
    return t`There's no manager page at this address.`;
  },
} as const;
