// Where CrowdTwist and Alida disagree about an activity linked between them: a member would see a
// live CrowdTwist activity that leads to a survey or forum they cannot take part in.

export interface CrowdTwistSide {
  start: Date | null;
  end: Date | null;
}

/**
 * What Alida says about the linked activity. `alternateId` ("the ID for an activity in an external
 * system", a GUID) is shown to managers but never compared with CrowdTwist's ids: nothing in the
 * documents says that external system is CrowdTwist.
 */
export interface AlidaSide {
  status: "open" | "closed" | null;
  isReady: boolean | null;
  hideFromMember: boolean | null;
  openedOn: Date | null;
  closedOn: Date | null;
  alternateId?: string | null;
}

/** Why a member cannot take part in the linked Alida activity right now, in the manager's words too. */
export type CommunityBlock = "closed" | "hidden" | "not_ready";

export type ConsistencyWarning =
  | { kind: "alida_closed" }
  | { kind: "alida_not_ready" }
  | { kind: "alida_hidden" }
  | {
      kind: "windows_do_not_overlap";
      crowdtwist: { start: Date | null; end: Date | null };
      alida: { start: Date | null; end: Date | null };
    };

/**
 * Alida's `status` is its word about now. `closedOn` is only when it last went from open to closed:
 * the document says an activity may be re-opened after it closed, so an open activity with a past
 * `closedOn` is open, and a closed one is closed whatever its dates say.
 */
export function communityBlocks(
  alida: Pick<AlidaSide, "status" | "isReady" | "hideFromMember">,
): CommunityBlock[] {
  const blocks: CommunityBlock[] = [];
  if (alida.status === "closed") blocks.push("closed");
  if (alida.hideFromMember === true) blocks.push("hidden");
  if (alida.isReady === false) blocks.push("not_ready");
  return blocks;
}

/**
 * When Alida's activity can be taken part in, as far as its dates tell: from `openedOn` (which may
 * be in the future) until a `closedOn` that still lies ahead or, when it is closed, the one behind.
 * A past `closedOn` of an open activity means it was re-opened: its end is not known.
 */
export function alidaWindow(alida: AlidaSide, now: Date): { start: Date | null; end: Date | null } {
  const reopened = alida.status === "open" && alida.closedOn !== null && alida.closedOn <= now;
  return { start: alida.openedOn, end: reopened ? null : alida.closedOn };
}

const isLive = (side: CrowdTwistSide, now: Date) =>
  (side.start === null || side.start <= now) && (side.end === null || now < side.end);

/** Half-open intervals [start, end) with open ends meaning "for ever"; both must be able to meet. */
function overlap(
  a: { start: Date | null; end: Date | null },
  b: { start: Date | null; end: Date | null },
): boolean {
  const startsBeforeOtherEnds = (x: typeof a, y: typeof b) =>
    x.start === null || y.end === null || x.start < y.end;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}

const WARNING: Record<CommunityBlock, ConsistencyWarning> = {
  closed: { kind: "alida_closed" },
  not_ready: { kind: "alida_not_ready" },
  hidden: { kind: "alida_hidden" },
};
const ORDER: CommunityBlock[] = ["closed", "not_ready", "hidden"];

export function alidaConsistency(
  crowdtwist: CrowdTwistSide,
  alida: AlidaSide,
  now: Date,
): ConsistencyWarning[] {
  const warnings: ConsistencyWarning[] = [];
  if (isLive(crowdtwist, now)) {
    const blocks = communityBlocks(alida);
    for (const block of ORDER) if (blocks.includes(block)) warnings.push(WARNING[block]);
  }
  const ctWindow = { start: crowdtwist.start, end: crowdtwist.end };
  const live = alidaWindow(alida, now);
  if (!overlap(ctWindow, live)) {
    warnings.push({ kind: "windows_do_not_overlap", crowdtwist: ctWindow, alida: live });
  }
  return warnings;
}
