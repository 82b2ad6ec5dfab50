import { t } from "@lingui/core/macro";
import { useId } from "react";
import { i18n } from "#i18n";
import { useReadOnly } from "../../lib/read-only.tsx";
import { communityLinkWords, instructionWords } from "./action-words.ts";
import type { Activity } from "./activity-types.ts";

// An activity's call to action, as the BFF derived it: a link button (to the brand's page or the
// linked survey or forum) or a plain sentence saying how it is done. Nothing while the activity
// cannot be done (the BFF sends `null`; its "why" says so elsewhere on the card).

type Action = NonNullable<Activity["action"]>;

/** Another origin than the portal's: the member leaves it, so it opens in a new tab and says so. */
function externalHost(url: string): string | null {
  const target = new URL(url, window.location.href);
  return target.origin === window.location.origin ? null : target.host;
}

/** What a link-like action says: "Take the survey", "Open the page"… */
const labelOf = (action: Exclude<Action, { kind: "instruction" }>) =>
  action.kind === "community" ? i18n._(communityLinkWords[action.community]) : t`Go to the activity`;

function ActionLink({
  action,
  compact,
}: {
  action: Exclude<Action, { kind: "instruction" }>;
  compact: boolean;
}) {
  const id = useId();
  const host = externalHost(action.url);
  const label = labelOf(action);
  const notes = [
    ...(action.kind === "link" && action.pointsOnClick ? [t`Your points follow the click.`] : []),
    ...(host ? [t`Leaves the portal: opens ${host} in a new tab.`] : []),
  ];
  return (
    <div className="flex flex-col items-start gap-1">
      <a
        href={action.url}
        className={
          compact ? "button-primary px-3 py-1 text-sm sm:px-4 sm:py-2 sm:text-base" : "button-primary"
        }
        data-activity-action={action.kind}
        {...(host && { target: "_blank", rel: "noopener noreferrer" })}
        {...(notes.length > 0 && { "aria-describedby": id })}
      >
        {label}
        {host && (
          <span aria-hidden="true" className="ml-1">
            ↗
          </span>
        )}
      </a>
      {notes.length > 0 && (
        // On a phone's compact card the notes are read with the link (aria-describedby), not shown.
        <p
          id={id}
          className={`text-sm text-gray-700 dark:text-gray-300${compact ? " sr-only sm:not-sr-only" : ""}`}
        >
          {notes.join(" ")}
        </p>
      )}
    </div>
  );
}

export interface ActivityActionProps {
  action: Activity["action"];
  /**
   * A manager's preview (a card without a details link): the action is said, never offered as a
   * link. Under `<ReadOnly>` it is read-only whatever this says.
   */
  readOnly?: boolean;
  /** On a card: smaller on phones, its notes read with the link rather than shown. */
  compact?: boolean;
}

export function ActivityAction({ action, readOnly: asked = false, compact = false }: ActivityActionProps) {
  const readOnly = useReadOnly() || asked;
  if (!action) return null;
  if (readOnly && action.kind !== "instruction") {
    const label = labelOf(action);
    const host = new URL(action.url, window.location.href).host;
    return (
      <p className="text-sm font-medium text-gray-900 dark:text-gray-100" data-activity-action="preview">
        {t`Members see "${label}", leading to ${host}.`}
      </p>
    );
  }
  if (action.kind === "instruction") {
    return (
      <p
        className={`text-sm font-medium text-gray-900 dark:text-gray-100${compact ? " line-clamp-1 sm:line-clamp-none" : ""}`}
        data-activity-action="instruction"
      >
        {i18n._(instructionWords[action.instruction])}
      </p>
    );
  }
  return <ActionLink action={action} compact={compact} />;
}
