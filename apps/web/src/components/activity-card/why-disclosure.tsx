import { t } from "@lingui/core/macro";
import { useId, useState } from "react";
import { ChevronIcon } from "../icons.tsx";
import type { ActivityUnavailableReason } from "./activity-types.ts";
import { whyText } from "./why-text.ts";

const REASONS = "space-y-1 text-sm text-gray-800 dark:text-gray-100";

/** Each reason as a list item, most important first (the BFF's order). */
export function WhyReasons({
  reasons,
  memberScore,
  id,
  hidden = false,
  className = REASONS,
}: {
  reasons: readonly ActivityUnavailableReason[];
  memberScore: number | null;
  id?: string;
  hidden?: boolean;
  className?: string;
}) {
  return (
    <ul id={id} hidden={hidden} className={className}>
      {reasons.map((reason) => (
        <li key={reason.kind}>{whyText(reason, memberScore)}</li>
      ))}
    </ul>
  );
}

/** "Why can't I do this?": a button that shows and hides the reasons (a disclosure, not a dialog). */
export function WhyDisclosure({
  reasons,
  memberScore,
  defaultOpen = false,
  onToggle,
}: {
  reasons: readonly ActivityUnavailableReason[];
  memberScore: number | null;
  defaultOpen?: boolean;
  onToggle?: ((open: boolean) => void) | undefined;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const toggle = () => {
    setOpen(!open);
    onToggle?.(!open);
  };
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
      >
        <ChevronIcon className={`size-4 motion-safe:transition-transform ${open ? "rotate-90" : ""}`} />
        {t`Why can't I do this?`}
      </button>
      <WhyReasons
        id={panelId}
        hidden={!open}
        reasons={reasons}
        memberScore={memberScore}
        className={`mt-2 rounded-lg bg-gray-100 p-3 dark:bg-gray-800 ${REASONS}`}
      />
    </div>
  );
}
