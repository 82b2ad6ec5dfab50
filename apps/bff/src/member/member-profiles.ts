import type { Program } from "@portal/loyalty/program";
import type { Queryable } from "../db/database.ts";
import { readMemberProfile } from "../live-push/read-member-profile.ts";
import { type MemberProfileView, toProfileView } from "./profile-view.ts";

// A member's stored Live Push profile as the browser sees it, with the version that orders changes.

export interface VersionedProfile {
  view: MemberProfileView;
  version: number;
}

export function createMemberProfiles(deps: { db: Queryable; program: Program; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async current(memberKey: string): Promise<VersionedProfile | null> {
      const record = await readMemberProfile(deps.db, memberKey);
      return record ? { view: toProfileView(record, deps.program, now()), version: record.version } : null;
    },
  };
}
export type MemberProfiles = ReturnType<typeof createMemberProfiles>;
