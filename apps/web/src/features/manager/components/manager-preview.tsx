import { PageHeading } from "../../../components/page-heading.tsx";
import { Link, usePathname } from "../../../lib/router.tsx";
import { type ManagerPage, managerPaths, matchManagerPage } from "../lib/manager-pages.ts";
import { managerMessages as s } from "../messages.ts";
import { ActivityDetailPage } from "./activity-detail-page.tsx";
import { AuditPage } from "./audit-page.tsx";
import { FindActivitiesPage } from "./find-activities-page.tsx";
import type { RenderMemberPage } from "./member-preview-result.tsx";
import { PreviewMemberPage } from "./preview-member-page.tsx";

// The program manager area, loaded as its own chunk (members never download it): its navigation and
// the page the address asks for. The app's router sends every /manage/* address here.

// Labels are read while rendering, never when this module runs: the chunk may run before the area's
// catalog has arrived (the words would be missing: ids in the build), and a language chosen later
// must reach them too.
const NAV = [
  {
    to: managerPaths.find,
    label: () => s.nav.find,
    current: (p: ManagerPage) => p.name === "find" || p.name === "activity",
  },
  { to: managerPaths.preview, label: () => s.nav.preview, current: (p: ManagerPage) => p.name === "preview" },
  { to: managerPaths.audit, label: () => s.nav.audit, current: (p: ManagerPage) => p.name === "audit" },
];

function ManagerNav({ page }: { page: ManagerPage }) {
  return (
    <nav aria-label={s.nav.label} className="mb-6 border-b border-gray-200 dark:border-gray-700">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {NAV.map((item) => {
          const current = item.current(page);
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-t-lg border-b-2 px-3 py-2 font-medium ${
                  current
                    ? "border-indigo-700 text-indigo-800 dark:border-indigo-300 dark:text-indigo-200"
                    : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900 dark:text-gray-300 dark:hover:text-white"
                }`}
              >
                {item.label()}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function ManagerPageView({
  page,
  renderMemberPage,
}: {
  page: ManagerPage;
  renderMemberPage: RenderMemberPage;
}) {
  switch (page.name) {
    case "find":
      return <FindActivitiesPage />;
    case "activity":
      return <ActivityDetailPage id={page.id} />;
    case "preview":
      return <PreviewMemberPage renderMemberPage={renderMemberPage} />;
    case "audit":
      return <AuditPage />;
    case "not-found":
      return <ManagerNotFound />;
  }
}

/** `renderMemberPage`: the member's own page, from the app layer, for "Preview as a member". */
export default function ManagerPreview({ renderMemberPage }: { renderMemberPage: RenderMemberPage }) {
  const page = matchManagerPage(usePathname());
  return (
    <div>
      <ManagerNav page={page} />
      <ManagerPageView page={page} renderMemberPage={renderMemberPage} />
    </div>
  );
}

function ManagerNotFound() {
  return (
    <div className="space-y-3">
      <PageHeading>{s.areaTitle}</PageHeading>
      <p>{s.notFound}</p>
      <Link to={managerPaths.find} className="font-medium text-indigo-700 underline dark:text-indigo-300">
        {s.nav.find}
      </Link>
    </div>
  );
}
