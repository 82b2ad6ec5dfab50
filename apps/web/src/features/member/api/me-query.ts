import type { MemberProfileView } from "@portal/bff/profile/profile-view";
import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { apiJson } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { setProgramTimeZone } from "../../../lib/format.ts";

export type { MemberProfileView };

export const memberKeys = {
  all: ["member"] as const,
  me: () => [...memberKeys.all, "me"] as const,
};

/**
 * Who is signed in and their tier profile; `null` when nobody is. The BFF says so with a 200 and no
 * user (a 401 here would log an error on every signed-out visit); an older BFF's 401 means the same.
 */
export function meQuery() {
  return queryOptions({
    queryKey: memberKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      const me = await apiJson(() => api.api.me.$get(undefined, { init: { signal } })).catch(
        (error: unknown) => {
          if (error instanceof ApiError && error.isUnauthenticated) return null;
          throw error;
        },
      );
      if (me === null) return null;
      // Every date on the page is shown in the zone whose midnights start the program's periods.
      setProgramTimeZone(me.program.timeZone);
      return me.user ? { ...me, user: me.user } : null;
    },
  });
}

type MeAnswer = InferResponseType<typeof api.api.me.$get, 200>;
/** The signed-in answer; "nobody" is `null` in the cache, never an answer without a user. */
export type Me = MeAnswer & { user: NonNullable<MeAnswer["user"]> };

/** A tier as the program describes it: threshold and benefits in words (program config). */
export type ProgramTierView = Me["program"]["tiers"][number];
