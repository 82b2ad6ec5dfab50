import { activityWindow, awardedPoints, inSegment, isOpen, tierForScore, tierVisibility } from "./rules.ts";
import type {
  SeedActivity,
  SeedMember,
  SeedProgram,
  SeedReward,
  SeedSegment,
  SeedTier,
} from "./seed-types.ts";

const DAY_MS = 86_400_000;

export type TierEvent = "JUMP" | "UPDATE" | "DROP" | "MAINTAIN" | "RESET" | "START";

export interface MemberState extends SeedMember {
  /**
   * The score that counts toward tiers (Live Push `tierScore` and `score`): the seed's tier-year
   * points at first, restarting at 0 when a tier period ends. `timeframeScore` keeps counting, as
   * in the document's sample (a drop to Tier 1 with tierScore 0 and a timeframe score of 1200).
   */
  tierScore: number;
  /** Points earned this calendar month and ISO week (UTC), as of `periodsAt`. */
  monthlyPoints: number;
  weeklyPoints: number;
  periodsAt: Date;
  dateReached: Date;
  dateAssigned: Date;
  expirationDate: Date;
  assignedByEvent: TierEvent;
  /** Epoch seconds; strictly increasing per member so that every change is orderable. */
  dateLastUpdated: number;
  completions: Map<number, Date[]>;
  /** Points that will expire, nearest first (Points Expiration feed). */
  expiring: { points: number; date: Date }[];
  /** Epoch ms of the expirations' last change: strictly increasing, the message_date of their push. */
  expiringChangedAt: number;
  /** Per subscription id, epoch seconds of the last segment change: strictly increasing. */
  segmentChangedAt: Map<number, number>;
  /**
   * Epoch seconds that date a membership no change has dated (the state's start or reset), so that
   * its resynchronisation and a change made in the same second are still told apart by their dates.
   */
  segmentsSince: number;
}

/** The documented `id_type` values and the member field each one reads. */
export const ID_TYPES = {
  id: (member: SeedMember) => String(member.id),
  // `user_id` may be an "Email Address"; the `id_type` list omits it, `email` pairs with it (ADR 0020).
  email: (member: SeedMember) => member.email,
  third_party_id: (member: SeedMember) => member.username,
  username: (member: SeedMember) => member.username,
  facebook_user_id: (member: SeedMember) => member.facebookUserId,
  twitter_user_id: (member: SeedMember) => member.twitterUserId,
  mobile_phone_number: (member: SeedMember) => member.mobilePhoneNumber,
} as const;
export type IdType = keyof typeof ID_TYPES;

export function isIdType(value: string): value is IdType {
  return Object.hasOwn(ID_TYPES, value);
}

export type CompletionResult =
  | { ok: true; member: MemberState; activity: SeedActivity; awarded: number; tierChanged: boolean; at: Date }
  | { ok: false; status: 404 | 409; reason: string };

export type RedemptionResult =
  | { ok: true; member: MemberState; reward: SeedReward; at: Date }
  | { ok: false; status: 404 | 409; reason: string };

export type SegmentChangeResult =
  | { ok: true; member: MemberState; segment: SeedSegment; changed: boolean; at: Date }
  | { ok: false; status: 404; reason: string };

export type TierPeriodResult =
  | { ok: true; member: MemberState; event: "MAINTAIN" | "DROP" | "RESET" }
  | { ok: false; status: 404; reason: string };

export interface ProgramState {
  readonly program: SeedProgram;
  readonly startedAt: Date;
  members(): MemberState[];
  findMember(idType: IdType, userId: string): MemberState | undefined;
  tier(id: number): SeedTier | undefined;
  activity(id: number): SeedActivity | undefined;
  complete(username: string, activityId: number): CompletionResult;
  /** The member's tier period ends now: they keep their tier (MAINTAIN), drop, or (lowest tier) RESET. */
  endTierPeriod(username: string): TierPeriodResult;
  /** Spends the reward's cost from the member's redeemable points, soonest-expiring points first. */
  redeem(username: string, rewardId: number): RedemptionResult;
  /** The member enters (`member: true`) or exits a segment; `changed` is false when already so. */
  setSegment(username: string, subscriptionId: number, member: boolean): SegmentChangeResult;
  reset(): void;
}

const monthOf = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
// ISO weeks start on Monday: days since the Monday 1970-01-05, in whole weeks.
const weekOf = (date: Date) => Math.floor((date.getTime() - 4 * DAY_MS) / (7 * DAY_MS));

/** Monthly and weekly points as of `at` (UTC calendar): a new month or week starts them at 0. */
export function periodPoints(member: MemberState, at: Date): { monthly: number; weekly: number } {
  return {
    monthly: monthOf(at) === monthOf(member.periodsAt) ? member.monthlyPoints : 0,
    weekly: weekOf(at) === weekOf(member.periodsAt) ? member.weeklyPoints : 0,
  };
}

function rollPeriods(member: MemberState, at: Date): void {
  const { monthly, weekly } = periodPoints(member, at);
  member.monthlyPoints = monthly;
  member.weeklyPoints = weekly;
  member.periodsAt = at;
}

function initialState(member: SeedMember, startedAt: Date, lowestTierId: number | undefined): MemberState {
  // Counted from midnight UTC, so a sandbox restarted the same day tells the same tier history.
  const midnight = Math.floor(startedAt.getTime() / DAY_MS) * DAY_MS;
  const reached = new Date(midnight - member.reachedDaysAgo * DAY_MS);
  return {
    ...member,
    segments: [...member.segments],
    tierScore: member.timeframeScore,
    monthlyPoints: 0,
    weeklyPoints: 0,
    periodsAt: startedAt,
    dateReached: reached,
    dateAssigned: reached,
    expirationDate: new Date(reached.getTime() + 365 * DAY_MS),
    // A member in the entry tier started there; the others jumped to where they are.
    assignedByEvent: member.tierId === lowestTierId ? "START" : "JUMP",
    dateLastUpdated: Math.floor(startedAt.getTime() / 1000),
    completions: new Map(),
    expiring: (member.expiringInDays ?? [])
      .map(({ points, inDays }) => ({ points, date: new Date(midnight + inDays * DAY_MS) }))
      .sort((a, b) => a.date.getTime() - b.date.getTime()),
    expiringChangedAt: startedAt.getTime(),
    segmentChangedAt: new Map(),
    segmentsSince: Math.floor(startedAt.getTime() / 1000),
  };
}

/** Spends `points` from the soonest-expiring points first; what is left of each, empty ones dropped. */
export function spendExpiring(
  expiring: readonly { points: number; date: Date }[],
  points: number,
): { points: number; date: Date }[] {
  let left = points;
  return expiring.flatMap((bucket) => {
    const spent = Math.min(bucket.points, left);
    left -= spent;
    return bucket.points - spent > 0 ? [{ points: bucket.points - spent, date: bucket.date }] : [];
  });
}

export function createProgramState(program: SeedProgram, now: () => Date = () => new Date()): ProgramState {
  const startedAt = now();
  const lowestTierId = [...program.tiers].sort((a, b) => a.minValue - b.minValue)[0]?.id;
  const fresh = (member: SeedMember) => initialState(member, startedAt, lowestTierId);
  let members = new Map(program.members.map((m) => [m.username, fresh(m)]));
  const rank = (tierId: number) => program.tiers.find((tier) => tier.id === tierId)?.minValue ?? 0;
  const stamp = (member: MemberState, at: Date) => {
    member.dateLastUpdated = Math.max(Math.floor(at.getTime() / 1000), member.dateLastUpdated + 1);
  };
  const assign = (member: MemberState, tierId: number, at: Date) => {
    if (tierId !== member.tierId) member.dateReached = at;
    member.tierId = tierId;
    member.dateAssigned = at;
    member.expirationDate = new Date(at.getTime() + 365 * DAY_MS);
  };

  function refusal(activity: SeedActivity, member: MemberState): string | null {
    const at = now();
    if (tierVisibility(program.tiers, member.tierId, activity).isHiddenByTier) return "hidden by tier";
    if (tierVisibility(program.tiers, member.tierId, activity).isLockedByTier) return "locked by tier";
    if (!inSegment(activity, member.segments)) return "not in the activity's segment";
    if (!isOpen(activityWindow(activity, startedAt), at)) return "outside the activity's dates";
    // The sandbox applies caps over the whole run; enough to demonstrate a cap being reached.
    const done = member.completions.get(activity.id) ?? [];
    if (activity.frequency && done.length >= activity.frequency.cap) return "frequency cap reached";
    return null;
  }

  return {
    program,
    startedAt,
    members: () => [...members.values()],
    findMember: (idType, userId) => [...members.values()].find((m) => ID_TYPES[idType](m) === userId),
    tier: (id) => program.tiers.find((tier) => tier.id === id),
    activity: (id) => program.activities.find((activity) => activity.id === id),
    complete(username, activityId) {
      const member = members.get(username);
      const activity = program.activities.find((a) => a.id === activityId);
      if (!member) return { ok: false, status: 404, reason: `no demo member "${username}"` };
      if (!activity) return { ok: false, status: 404, reason: `no activity ${activityId}` };
      const refused = refusal(activity, member);
      if (refused) return { ok: false, status: 409, reason: refused };

      const at = now();
      member.completions.set(activity.id, [...(member.completions.get(activity.id) ?? []), at]);
      const awarded = awardedPoints(activity);
      rollPeriods(member, at);
      member.totalPoints += awarded;
      member.redeemablePoints += awarded;
      member.timeframeScore += awarded;
      member.tierScore += awarded;
      member.monthlyPoints += awarded;
      member.weeklyPoints += awarded;
      // Earning only ever jumps: a member whose tier score restarted below their tier keeps it.
      const reached = tierForScore(program.tiers, member.tierScore);
      const tierChanged = reached.minValue > rank(member.tierId);
      if (tierChanged) assign(member, reached.id, at);
      // An update leaves dateAssigned alone: it changes only on an assignment (Live Push document).
      member.assignedByEvent = tierChanged ? "JUMP" : "UPDATE";
      stamp(member, at);
      return { ok: true, member, activity, awarded, tierChanged, at };
    },
    endTierPeriod(username) {
      const member = members.get(username);
      if (!member) return { ok: false, status: 404, reason: `no demo member "${username}"` };
      const at = now();
      const tier = program.tiers.find((t) => t.id === member.tierId);
      const required = tier?.scoreToMaintain ?? null;
      const event: "MAINTAIN" | "DROP" | "RESET" =
        required === null ? "RESET" : member.tierScore >= required ? "MAINTAIN" : "DROP";
      // A drop lands in the highest tier the score still reaches, at least one below the tier held.
      const below = [...program.tiers]
        .filter((t) => t.minValue < rank(member.tierId))
        .sort((a, b) => b.minValue - a.minValue);
      const landed = below.find((t) => member.tierScore >= t.minValue) ?? below.at(-1);
      assign(member, event === "DROP" && landed ? landed.id : member.tierId, at);
      member.tierScore = 0;
      member.assignedByEvent = event;
      rollPeriods(member, at);
      stamp(member, at);
      return { ok: true, member, event };
    },
    redeem(username, rewardId) {
      const member = members.get(username);
      const reward = program.rewards.find((r) => r.id === rewardId);
      if (!member) return { ok: false, status: 404, reason: `no demo member "${username}"` };
      if (!reward) return { ok: false, status: 404, reason: `no reward ${rewardId}` };
      if (member.redeemablePoints < reward.cost)
        return { ok: false, status: 409, reason: "not enough points" };
      const at = now();
      member.redeemablePoints -= reward.cost;
      const before = member.expiring;
      member.expiring = spendExpiring(before, reward.cost);
      if (JSON.stringify(before) !== JSON.stringify(member.expiring)) {
        member.expiringChangedAt = Math.max(at.getTime(), member.expiringChangedAt + 1);
      }
      member.assignedByEvent = "UPDATE";
      stamp(member, at);
      return { ok: true, member, reward, at };
    },
    setSegment(username, subscriptionId, inIt) {
      const member = members.get(username);
      const segment = program.segments.find((s) => s.subscriptionId === subscriptionId);
      if (!member) return { ok: false, status: 404, reason: `no demo member "${username}"` };
      if (!segment) return { ok: false, status: 404, reason: `no segment ${subscriptionId}` };
      const at = now();
      const changed = member.segments.includes(subscriptionId) !== inIt;
      if (changed) {
        member.segments = inIt
          ? [...member.segments, subscriptionId]
          : member.segments.filter((id) => id !== subscriptionId);
        const last = member.segmentChangedAt.get(subscriptionId) ?? member.segmentsSince;
        member.segmentChangedAt.set(subscriptionId, Math.max(Math.floor(at.getTime() / 1000), last + 1));
      }
      return { ok: true, member, segment, changed, at };
    },
    reset() {
      // Back to the seed, stamped now: receivers that keep the newest profile must take the reset one.
      // Its dateAssigned goes back to the seed's too: a rewind, which undoes later assignments.
      const at = Math.floor(now().getTime() / 1000);
      const previous = members;
      members = new Map(
        program.members.map((m) => {
          const member = fresh(m);
          const before = previous.get(m.username);
          member.dateLastUpdated = Math.max(at, (before?.dateLastUpdated ?? 0) + 1);
          // Later than anything sent before, so the reset's pushes replace what the receiver holds.
          member.expiringChangedAt = Math.max(now().getTime(), (before?.expiringChangedAt ?? 0) + 1);
          member.segmentsSince = at;
          for (const [id, last] of before?.segmentChangedAt ?? [])
            member.segmentChangedAt.set(id, Math.max(at, last + 1));
          return [m.username, member];
        }),
      );
    },
  };
}
