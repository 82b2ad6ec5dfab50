import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../../../lib/api-client.ts";
import { call, toApiError } from "../../../lib/api-error.ts";

// The manager area's reads, typed from the BFF's own routes. One key factory for the feature.

const manager = api.api.manager;

export type KnownActivitiesBody = InferResponseType<typeof manager.activities.$get, 200>;
export type KnownActivity = KnownActivitiesBody["activities"][number];
export type ProgramTier = KnownActivitiesBody["tiers"][number];
export type ActivityPreview = InferResponseType<(typeof manager.activities)[":id"]["$get"], 200>;
export type ExtendedActivity = ActivityPreview["activity"];
export type Matrix = ActivityPreview["matrix"];
export type MatrixRow = Matrix["rows"][number];
export type PersonaCheck = ActivityPreview["personas"][number];
export type AlidaPanelData = ActivityPreview["alida"];
export type AuditBody = InferResponseType<typeof manager.audit.$get, 200>;
export type AuditEntry = AuditBody["entries"][number];

export const managerKeys = {
  all: ["manager"] as const,
  activities: () => [...managerKeys.all, "activities"] as const,
  activity: (id: string) => [...managerKeys.all, "activity", id] as const,
  audit: () => [...managerKeys.all, "audit"] as const,
};

/** The activities the program's preview personas can see, plus the ones managers looked up lately. */
export function knownActivitiesQuery() {
  return queryOptions({
    queryKey: managerKeys.activities(),
    queryFn: async ({ signal }): Promise<KnownActivitiesBody> => {
      const response = await call(() => manager.activities.$get(undefined, { init: { signal } }));
      if (!response.ok) throw await toApiError(response);
      return response.json();
    },
  });
}

/** One activity as CrowdTwist describes it, who sees it how, the personas' cross-check, and Alida. */
export function activityPreviewQuery(id: string) {
  return queryOptions({
    queryKey: managerKeys.activity(id),
    queryFn: async ({ signal }): Promise<ActivityPreview> => {
      const response = await call(() =>
        manager.activities[":id"].$get({ param: { id } }, { init: { signal } }),
      );
      if (!response.ok) throw await toApiError(response);
      return response.json();
    },
  });
}

/** Who previewed which member, why and when; newest first. */
export function auditQuery() {
  return queryOptions({
    queryKey: managerKeys.audit(),
    queryFn: async ({ signal }): Promise<AuditBody> => {
      const response = await call(() => manager.audit.$get(undefined, { init: { signal } }));
      if (!response.ok) throw await toApiError(response);
      return response.json();
    },
    staleTime: 0,
  });
}
