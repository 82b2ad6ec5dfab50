import { activityWindow, awardedPoints, inSegment, isOpen, tierForScore, tierVisibility } from "./rules.ts";
import type { SeedActivity, SeedMember, SeedProgram, SeedTier } from "./seed-types.ts";

const DAY_MS = 86_400_000;

export type TierEvent = "JUMP" | "UPDATE" | "DROP" | "MAINTAIN" | "RESET" | "START";

export interface MemberState extends SeedMember {
  dateReached: Date;
  dateAssigned: Date;
  expirationDate: Date;
  assignedByEvent: TierEvent;
  /** Epoch seconds; strictly increasing per member so that every change is orderable. */
  dateLastUpdated: number;
  completions: Map<number, Date[]>;
}

/** The documented `id_type` values and the member field each one reads. */
export const ID_TYPES = {
  id: (member: SeedMember) => String(member.id),
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
  | { ok: true; member: MemberState; awarded: number; tierChanged: boolean }
  | { ok: false; status: 404 | 409; reason: string };

export interface ProgramState {
  readonly program: SeedProgram;
  readonly startedAt: Date;
  members(): MemberState[];
  findMember(idType: IdType, userId: string): MemberState | undefined;
  tier(id: number): SeedTier | undefined;
  activity(id: number): SeedActivity | undefined;
  complete(username: string, activityId: number): CompletionResult;
  reset(): void;
}

function initialState(member: SeedMember, startedAt: Date): MemberState {
  // Counted from midnight UTC, so a sandbox restarted the same day tells the same tier history.
  const midnight = Math.floor(startedAt.getTime() / DAY_MS) * DAY_MS;
  const reached = new Date(midnight - member.reachedDaysAgo * DAY_MS);
  return {
    ...member,
    segments: [...member.segments],
    dateReached: reached,
    dateAssigned: reached,
    expirationDate: new Date(reached.getTime() + 365 * DAY_MS),
    assignedByEvent: "JUMP",
    dateLastUpdated: Math.floor(startedAt.getTime() / 1000),
    completions: new Map(),
  };
}

export function createProgramState(program: SeedProgram, now: () => Date = () => new Date()): ProgramState {
  const startedAt = now();
  let members = new Map(program.members.map((m) => [m.username, initialState(m, startedAt)]));

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
      member.totalPoints += awarded;
      member.redeemablePoints += awarded;
      member.timeframeScore += awarded;
      const reached = tierForScore(program.tiers, member.timeframeScore);
      const tierChanged = reached.id !== member.tierId;
      if (tierChanged) {
        member.tierId = reached.id;
        member.dateReached = at;
        member.dateAssigned = at;
        member.expirationDate = new Date(at.getTime() + 365 * DAY_MS);
      }
      member.assignedByEvent = tierChanged ? "JUMP" : "UPDATE";
      member.dateLastUpdated = Math.max(Math.floor(at.getTime() / 1000), member.dateLastUpdated + 1);
      return { ok: true, member, awarded, tierChanged };
    },
    reset() {
      // Back to the seed, stamped now: receivers that keep the newest profile must take the reset one.
      const stamp = Math.floor(now().getTime() / 1000);
      const previous = members;
      members = new Map(
        program.members.map((m) => {
          const fresh = initialState(m, startedAt);
          fresh.dateLastUpdated = Math.max(stamp, (previous.get(m.username)?.dateLastUpdated ?? 0) + 1);
          return [m.username, fresh];
        }),
      );
    },
  };
}
