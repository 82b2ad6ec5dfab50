// Where CrowdTwist and Alida disagree about an activity linked between them: a member would see a
// live CrowdTwist activity that leads to a survey or forum they cannot take part in.

export interface CrowdTwistSide {
  activityId: string;
  start: Date | null;
  end: Date | null;
}

export interface AlidaSide {
  status: "open" | "closed" | null;
  isReady: boolean | null;
  hideFromMember: boolean | null;
  openedOn: Date | null;
  closedOn: Date | null;
  alternateId: string | null;
}

export type ConsistencyWarning =
  | { kind: "alida_closed" }
  | { kind: "alida_not_ready" }
  | { kind: "alida_hidden" }
  | {
      kind: "windows_do_not_overlap";
      crowdtwist: { start: Date | null; end: Date | null };
      alida: { start: Date | null; end: Date | null };
    }
  | { kind: "alternate_id_mismatch"; alternateId: string; activityId: string };

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

export function alidaConsistency(
  crowdtwist: CrowdTwistSide,
  alida: AlidaSide,
  now: Date,
): ConsistencyWarning[] {
  const warnings: ConsistencyWarning[] = [];
  if (isLive(crowdtwist, now)) {
    if (alida.status === "closed") warnings.push({ kind: "alida_closed" });
    if (alida.isReady === false) warnings.push({ kind: "alida_not_ready" });
    if (alida.hideFromMember === true) warnings.push({ kind: "alida_hidden" });
  }
  const ctWindow = { start: crowdtwist.start, end: crowdtwist.end };
  const alidaWindow = { start: alida.openedOn, end: alida.closedOn };
  if (!overlap(ctWindow, alidaWindow)) {
    warnings.push({ kind: "windows_do_not_overlap", crowdtwist: ctWindow, alida: alidaWindow });
  }
  if (alida.alternateId !== null && alida.alternateId !== crowdtwist.activityId) {
    warnings.push({
      kind: "alternate_id_mismatch",
      alternateId: alida.alternateId,
      activityId: crowdtwist.activityId,
    });
  }
  return warnings;
}
