import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { apiJson } from "../../../lib/api-call.ts";
import { api, apiPath } from "../../../lib/api-client.ts";
import { type AuditFilters, auditFilterQuery } from "../lib/audit-filters.ts";

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
export type AuditManagers = InferResponseType<typeof manager.audit.managers.$get, 200>["managers"];

export const managerKeys = {
  all: ["manager"] as const,
  activities: () => [...managerKeys.all, "activities"] as const,
  activity: (id: string) => [...managerKeys.all, "activity", id] as const,
  audit: () => [...managerKeys.all, "audit"] as const,
  auditPages: (filters: AuditFilters) => [...managerKeys.audit(), "pages", filters] as const,
  auditManagers: () => [...managerKeys.audit(), "managers"] as const,
};

/** The activities the program's preview personas can see, plus the ones managers looked up lately. */
export function knownActivitiesQuery() {
  return queryOptions({
    queryKey: managerKeys.activities(),
    queryFn: ({ signal }): Promise<KnownActivitiesBody> =>
      apiJson(() => manager.activities.$get(undefined, { init: { signal } })),
  });
}

/** One activity as CrowdTwist describes it, who sees it how, the personas' cross-check, and Alida. */
export function activityPreviewQuery(id: string) {
  return queryOptions({
    queryKey: managerKeys.activity(id),
    queryFn: ({ signal }): Promise<ActivityPreview> =>
      apiJson(() => manager.activities[":id"].$get({ param: { id } }, { init: { signal } })),
  });
}

/** Who previewed which member, why and when; newest first, a page at a time (`next` leads on). */
export function auditQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: managerKeys.auditPages(filters),
    queryFn: ({ signal, pageParam }): Promise<AuditBody> => {
      const query = { ...auditFilterQuery(filters), ...(pageParam ? { before: pageParam } : {}) };
      return apiJson(() => manager.audit.$get({ query }, { init: { signal } }));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });
}

/** The managers who have entries, to filter by. */
export function auditManagersQuery() {
  return queryOptions({
    queryKey: managerKeys.auditManagers(),
    queryFn: async ({ signal }): Promise<AuditManagers> =>
      (await apiJson(() => manager.audit.managers.$get(undefined, { init: { signal } }))).managers,
  });
}

/** Where the CSV of the same filter downloads from: a plain link, so the browser saves the file. */
export function auditExportHref(filters: AuditFilters): string {
  return apiPath((routes) => routes.api.manager.audit.export.$url({ query: auditFilterQuery(filters) }));
}
