import { useQueryClient } from "@tanstack/react-query";
import { type ActivityPreview, type KnownActivity, managerKeys } from "./manager-queries.ts";

// `GET /api/manager/activities` names tiers by id only. Their titles come with any activity preview
// already in the cache; until one is, a tier is called by its id. (The lead is asked to add the
// program's tiers to that answer; this hook then reads them from there.)

export interface ProgramTier {
  id: string;
  title: string;
}

export function useProgramTiers(activities: readonly KnownActivity[]): ProgramTier[] {
  const queryClient = useQueryClient();
  const cached = queryClient
    .getQueriesData<ActivityPreview>({ queryKey: [...managerKeys.all, "activity"] })
    .find(([, data]) => data !== undefined)?.[1];
  if (cached) return cached.matrix.tiers.map(({ id, title }) => ({ id, title }));
  const ids = [...new Set(activities.flatMap((a) => a.byTier.map((t) => t.tierId)))];
  return ids.map((id) => ({ id, title: `Tier ${id}` }));
}
