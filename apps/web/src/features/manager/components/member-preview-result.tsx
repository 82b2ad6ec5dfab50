import { type ReactNode, useEffect, useRef } from "react";
import type { MemberPreview } from "../api/use-preview-member.ts";
import { managerMessages as s } from "../messages.ts";
import { MemberSegments } from "./member-segments.tsx";

// What the previewed member sees, read-only: a banner that says whose portal this is and that the
// look is on record, the segments the member's recorded changes name, then the member's own page
// (tier card, path, numbers, points history, activities). That page is the member feature's, so the
// app layer passes it in (`renderMemberPage`): features never import each other.

export type RenderMemberPage = (preview: MemberPreview) => ReactNode;

export function MemberPreviewResult({
  preview,
  renderMemberPage,
}: {
  preview: MemberPreview;
  renderMemberPage: RenderMemberPage;
}) {
  const banner = useRef<HTMLDivElement>(null);
  const member = preview.member.userId;
  useEffect(() => {
    banner.current?.focus();
  }, []);
  // The tier profile is stored under one id type; previewed by another, the card cannot be found.
  const profileElsewhere = preview.profile === null && preview.member.idType !== preview.profileIdType;
  return (
    <section aria-labelledby="preview-banner" className="space-y-5">
      <div
        ref={banner}
        tabIndex={-1}
        className="sticky top-0 z-10 rounded-xl border-2 border-amber-500 bg-amber-100 p-4 text-amber-950 shadow-sm dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
      >
        <h2 id="preview-banner" className="text-lg font-bold">
          {s.preview.banner(member)}
        </h2>
        <p className="mt-1 text-sm">{s.preview.auditRef(preview.auditId)}</p>
      </div>
      {!preview.enrolled ? (
        <p>{s.preview.notEnrolled(member)}</p>
      ) : (
        <>
          {profileElsewhere && (
            <p className="rounded-lg border border-gray-300 bg-gray-50 p-3 text-sm text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-50">
              {s.preview.profileByOtherId(s.preview.idTypes[preview.profileIdType] ?? preview.profileIdType)}
            </p>
          )}
          {/* What only managers see of the member comes before the member's own page. */}
          {preview.segments && <MemberSegments segments={preview.segments} />}
          {renderMemberPage(preview)}
          {preview.activities.length === 0 && <p>{s.preview.none}</p>}
        </>
      )}
    </section>
  );
}
