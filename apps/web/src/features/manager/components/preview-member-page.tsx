import { ErrorPanel } from "../../../components/error-panel.tsx";
import { PageHeading } from "../../../components/page-heading.tsx";
import { usePreviewMember } from "../api/use-preview-member.ts";
import { managerMessages as s } from "../messages.ts";
import { MemberPreviewResult, type RenderMemberPage } from "./member-preview-result.tsx";
import { PreviewMemberForm, previewFieldsInError } from "./preview-member-form.tsx";

export function PreviewMemberPage({ renderMemberPage }: { renderMemberPage: RenderMemberPage }) {
  const mutation = usePreviewMember();
  const error = mutation.error;
  // A field's 400 is shown by the field; anything else (an outage, a 400 about no one field) here.
  const pageError = error && previewFieldsInError(error).length === 0 ? error : null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>{s.preview.title}</PageHeading>
        <p className="max-w-prose text-gray-700 dark:text-gray-300">{s.preview.lead}</p>
      </div>
      <PreviewMemberForm
        onSubmit={(input) => mutation.mutate(input)}
        pending={mutation.isPending}
        error={error}
      />
      {pageError && (
        <ErrorPanel
          title={s.preview.failed}
          error={pageError}
          onRetry={() => mutation.variables && mutation.mutate(mutation.variables)}
          headingLevel={2}
        />
      )}
      {mutation.data && (
        <MemberPreviewResult
          key={mutation.data.auditId}
          preview={mutation.data}
          renderMemberPage={renderMemberPage}
        />
      )}
    </div>
  );
}
