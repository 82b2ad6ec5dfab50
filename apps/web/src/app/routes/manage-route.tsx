import { t } from "@lingui/core/macro";
import { lazy, Suspense } from "react";
import { PageHeading } from "../../components/page-heading.tsx";
import { Skeleton } from "../../components/skeleton.tsx";
import { managerCatalogs } from "../../features/manager/catalogs.ts";
import type { Me } from "../../features/member/api/me-query.ts";
import { addCatalogs } from "../../lib/i18n/i18n.ts";
import { Layout } from "../layout.tsx";
import { MemberActions } from "./member-actions.tsx";
import MemberPagePreview from "./member-page-preview.tsx";

// Its own chunk, fetched only when a manager opens /manage, with the area's words (their own catalog
// chunk, fetched alongside): members' initial download stays lean.
const ManagerPreview = lazy(async () => {
  const [area] = await Promise.all([
    import("../../features/manager/components/manager-preview.tsx"),
    addCatalogs(managerCatalogs),
  ]);
  return area;
});

export function ManageRoute({ me }: { me: Me }) {
  return (
    <Layout actions={<MemberActions me={me} />}>
      {me.user.isManager ? (
        <Suspense fallback={<Skeleton className="h-9 w-72" />}>
          <ManagerPreview
            renderMemberPage={(preview) => <MemberPagePreview preview={preview} tiers={me.program.tiers} />}
          />
        </Suspense>
      ) : (
        <div className="space-y-3">
          <PageHeading>{t`This area is for program managers`}</PageHeading>
          <p className="text-gray-700 dark:text-gray-300">{t`Your account doesn't have access to the program manager preview.`}</p>
        </div>
      )}
    </Layout>
  );
}
