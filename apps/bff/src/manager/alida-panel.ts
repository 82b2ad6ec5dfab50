import type { AlidaClient } from "@portal/alida/client";
import { AlidaError } from "@portal/alida/errors";
import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import { type AlidaSide, alidaConsistency, type ConsistencyWarning } from "@portal/loyalty/alida-consistency";
import { ALIDA_LINK_KEY } from "../member/activity-catalog.ts";
import { deadlineSignal } from "../upstream/deadline.ts";
import type { UpstreamResilience } from "../upstream/resilience.ts";

// The Alida half of an activity's preview: the linked survey or forum, its member-event counts, and
// where it disagrees with CrowdTwist. Alida being down never breaks the CrowdTwist half.

export type AlidaPanel =
  | { state: "not_linked" }
  | { state: "not_found"; alidaActivityId: string }
  | {
      state: "unavailable";
      alidaActivityId: string;
      /** Why, for the page to say in the manager's language. */
      reason: "not_configured" | "not_answering";
      /** The same in English, for operators reading the API's answer. */
      message: string;
    }
  | {
      state: "linked";
      alidaActivityId: string;
      /** What the consistency check compares, and the name and kind a manager reads. */
      activity: AlidaSide & { name: string | null; activityType: string | null };
      memberEvents: Record<string, number> | null;
      warnings: ConsistencyWarning[];
    };

export interface AlidaPanelDeps {
  /** `null` when the portal has no Alida credentials: linked activities then say so. */
  alida: AlidaClient | null;
  resilience: UpstreamResilience;
  /** The panel's share of the manager's request: both Alida calls together. Default 2.5 s. */
  budgetMs?: number | undefined;
  now?: () => Date;
}

export function createAlidaPanel(deps: AlidaPanelDeps) {
  const now = deps.now ?? (() => new Date());
  const budgetMs = deps.budgetMs ?? 2_500;

  return async function alidaPanel(activity: ActivityExtended): Promise<AlidaPanel> {
    const alidaActivityId = activity.extraData?.[ALIDA_LINK_KEY];
    if (!alidaActivityId) return { state: "not_linked" };
    const { alida } = deps;
    if (!alida) {
      return {
        state: "unavailable",
        alidaActivityId,
        reason: "not_configured",
        message: "Alida is not configured for this portal (ALIDA_CLIENT_SECRET is not set).",
      };
    }
    // One budget for both calls, so a slow Alida cannot hold the CrowdTwist half of the page.
    const budget = deadlineSignal(budgetMs);
    const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) =>
      deps.resilience.execute({ operation, idempotent: true, signal: budget.signal }, fn);
    try {
      const found = await call("alida_activity", (signal) => alida.getActivity(alidaActivityId, { signal }));
      const memberEvents = await call("alida_summary", (signal) =>
        alida.getActivitySummary(found, { signal }),
      )
        .then((summary) => summary.memberEvents)
        .catch(() => null);
      const view = {
        name: found.name ?? null,
        activityType: found.activityType ?? null,
        status: found.status ?? null,
        isReady: found.isReady ?? null,
        hideFromMember: found.hideFromMember ?? null,
        openedOn: found.openedOn ?? null,
        closedOn: found.closedOn ?? null,
        alternateId: found.alternateId ?? null,
      };
      const warnings = alidaConsistency({ start: activity.dateStart, end: activity.dateEnd }, view, now());
      return { state: "linked", alidaActivityId, activity: view, memberEvents, warnings };
    } catch (error) {
      if (error instanceof AlidaError && error.code === "not_found")
        return { state: "not_found", alidaActivityId };
      return {
        state: "unavailable",
        alidaActivityId,
        reason: "not_answering",
        message: "The research community is not answering right now; CrowdTwist's side is shown as usual.",
      };
    } finally {
      budget.clear();
    }
  };
}
