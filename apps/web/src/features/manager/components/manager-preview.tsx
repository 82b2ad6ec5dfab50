import { PageHeading } from "../../../components/page-heading.tsx";
import { strings } from "../../../config/strings.ts";

// The program manager area, loaded as its own chunk: members never download it. It calls nothing yet.
export default function ManagerPreview() {
  return (
    <div className="space-y-3">
      <PageHeading>{strings.manager.title}</PageHeading>
      <p className="max-w-prose text-gray-700 dark:text-gray-300">{strings.manager.lead}</p>
    </div>
  );
}
