import type { ActivityType } from "@portal/crowdtwist/activity-types";
import type { LinkPolicy } from "@portal/loyalty/activity-action";
import type { MemberCommunity } from "@portal/loyalty/community";
import { type DateWindowStatus, dateWindowStatus } from "@portal/loyalty/date-window";
import { frequencyRule } from "@portal/loyalty/frequency";
import type { UserActivityInput } from "@portal/loyalty/member-activity";
import { compareMemberActivities } from "@portal/loyalty/member-activity-order";
import { nextPeriodStart } from "@portal/loyalty/period-boundary";
import type { Program } from "@portal/loyalty/program";
import { LruMap } from "../lru-map.ts";
import { type JsonBytes, type JsonText, jsonArray, stringify } from "../wire/json-bytes.ts";
import type { ActivityDetails } from "./activity-catalog.ts";
import {
  type MemberActivityState,
  type MemberActivityView,
  NO_MEMBER_STATE,
  toActivityViews,
  withDetails,
} from "./activity-views.ts";

/*
 * A member's list serialised as `JSON.stringify(toActivityViews(...))` would, byte for byte, from
 * cards made once and reused by every member who gets the same activity.
 *
 * A card is what `toActivityViews` makes of one activity (it reads each activity on its own; only
 * the final order looks at the whole list), and it depends on nothing but:
 * - CrowdTwist's item for this member: the same frozen object for every member whose item is the
 *   same JSON (the client's parser remembers items), so tier flags, points, campaigns and dates are
 *   all in the key by identity — a member whose item differs gets a card of their own;
 * - the activity's description: the catalogue's object, replaced when its bytes change (a refresh);
 * - what Alida says of its community, compared by content;
 * - the member's own state (activity-views.ts `MemberActivityState`): its completions in the current
 *   period and its recorded membership of the activity's segment;
 * - the clock, through the window's status (state and whole days left) and, where completions are
 *   counted, the next period boundary (a capped card says when the cap resets); the "why" is given no
 *   score here, so nothing else in a card moves with time.
 * A card whose key still matches is reused with its JSON; anything else makes a new one with the
 * reference function. The order is then `compareMemberActivities` over the cards, as the reference
 * sorts, with the same stable sort over the same input order.
 */

interface Card {
  details: ActivityDetails | undefined;
  community: MemberCommunity | undefined;
  status: DateWindowStatus;
  /** The member's state that this card depends on (see `stateKey`). */
  state: string;
  /** `null`: hidden from this member (not in the list). */
  shown: Shown | null;
}

interface Shown {
  /** Unique per card: a list is named by its cards' serials in order. */
  serial: number;
  view: MemberActivityView;
  json: JsonText<MemberActivityView>;
}

/** Cards kept per CrowdTwist item (different descriptions, communities or window states). */
const CARDS_PER_ITEM = 4;
/** Lists remembered by their cards (the bytes themselves are held by whoever caches them). */
const MAX_LISTS = 4_096;

// As the loyalty rules read a date: an unparseable one is an unknown bound.
const validDate = (date: Date | null) => (date !== null && Number.isFinite(date.getTime()) ? date : null);

function sameCommunity(a: MemberCommunity | undefined, b: MemberCommunity | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.checked !== b.checked) return false;
  if (!a.checked || !b.checked) return true;
  return (
    a.kind === b.kind && a.blocks.length === b.blocks.length && a.blocks.every((x, i) => x === b.blocks[i])
  );
}

export interface ActivityCardsOptions {
  program: Program;
  /** PROGRAM_TIME_ZONE. */
  timeZone: string;
  /** Which call-to-action addresses members may be sent to (loopback http outside production). */
  links?: LinkPolicy;
}

export function createActivityCards({ program, timeZone, links }: ActivityCardsOptions) {
  /**
   * What of the member's state a card depends on: the activity's completion count, its segment's
   * recorded membership and, with a count, the period's next boundary (when a cap resets) or, for a
   * reached rolling cap, the completion whose leaving frees a slot.
   */
  function stateKey(id: string, details: ActivityDetails | undefined, state: MemberActivityState, now: Date) {
    const count = state.completionsInPeriod.get(id);
    const member = details?.segment ? state.segments.get(details.segment.subscriptionId) : undefined;
    const rule = count === undefined ? null : frequencyRule(details?.frequency ?? null);
    const resets = rule ? nextPeriodStart(rule.period, now, timeZone)?.getTime() : undefined;
    const freedBy = state.slotFreedBy.get(id)?.getTime();
    return `${count ?? ""}|${member ?? ""}|${resets ?? ""}|${freedBy ?? ""}`;
  }

  // Weakly held: a card lives as long as the parsed item it was made from is remembered or in use.
  const cards = new WeakMap<UserActivityInput<ActivityType>, Card[]>();
  let serials = 0;
  // A list is a function of its cards in order, and cards never change: members whose lists are made
  // of the same cards get the same bytes object (no re-encoding, and its digest is known already).
  const lists = new LruMap<string, WeakRef<JsonBytes<MemberActivityView[]>>>(MAX_LISTS);

  function cardOf(
    activity: UserActivityInput<ActivityType>,
    details: ActivityDetails | undefined,
    communities: ReadonlyMap<string, MemberCommunity>,
    now: Date,
    memberState: MemberActivityState,
  ): Card {
    const state = stateKey(activity.id, details, memberState, now);
    const community = details?.alidaActivityId ? communities.get(details.alidaActivityId) : undefined;
    const status = dateWindowStatus(
      { start: validDate(activity.dateStart), end: validDate(activity.dateEnd) },
      now,
      program.endingSoonDays,
    );
    const held = cards.get(activity);
    for (const card of held ?? []) {
      if (
        card.details === details &&
        card.status.state === status.state &&
        card.status.daysLeft === status.daysLeft &&
        card.state === state &&
        sameCommunity(card.community, community)
      ) {
        return card;
      }
    }
    const [view = null] = toActivityViews(
      [withDetails(activity, details, communities)],
      program,
      now,
      timeZone,
      links,
      memberState,
    );
    const shown = view && { serial: ++serials, view, json: stringify(view) };
    const card: Card = { details, community, status, state, shown };
    if (!held) cards.set(activity, [card]);
    else if (held.push(card) > CARDS_PER_ITEM) held.shift();
    return card;
  }

  return {
    /**
     * The UTF-8 bytes of `JSON.stringify(toActivityViews(upstream with details and communities,
     * program, now, timeZone, links, state))`. Shared: never to be written to.
     */
    serialise(
      upstream: readonly UserActivityInput<ActivityType>[],
      details: ReadonlyMap<string, ActivityDetails>,
      communities: ReadonlyMap<string, MemberCommunity>,
      now: Date,
      state: MemberActivityState = NO_MEMBER_STATE,
    ): JsonBytes<MemberActivityView[]> {
      const shown: Shown[] = [];
      for (const activity of upstream) {
        const card = cardOf(activity, details.get(activity.id), communities, now, state);
        if (card.shown) shown.push(card.shown);
      }
      shown.sort((a, b) => compareMemberActivities(a.view, b.view));
      let key = "";
      for (const card of shown) key += `${card.serial},`;
      const known = lists.get(key)?.deref();
      if (known) return known;
      const bytes = jsonArray(shown.map((card) => card.json));
      lists.set(key, new WeakRef(bytes));
      return bytes;
    },
  };
}
export type ActivityCards = ReturnType<typeof createActivityCards>;
