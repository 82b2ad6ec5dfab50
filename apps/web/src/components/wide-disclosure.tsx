import { type ReactNode, useId, useState } from "react";
import { ChevronIcon } from "./icons.tsx";

/** Wide enough for secondary content to sit above the activities without pushing them off screen. */
export const WIDE_QUERY = "(min-width: 640px)";

const wideScreen = () => typeof window.matchMedia !== "function" || window.matchMedia(WIDE_QUERY).matches;

/** Open or not, starting open on wider screens and closed on phones. */
export const useWideOpen = () => useState(wideScreen);

/** The disclosure's button: a chevron and a label, `aria-expanded` saying whether it is open. */
export function DisclosureButton({
  label,
  open,
  controls,
  onToggle,
  className = "",
}: {
  label: string;
  open: boolean;
  controls: string;
  onToggle: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className={`inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300 ${className}`}
    >
      <ChevronIcon className={`size-4 motion-safe:transition-transform ${open ? "rotate-90" : ""}`} />
      {label}
    </button>
  );
}

/**
 * A button that shows and hides `children` (a disclosure): open from the start on wider screens,
 * closed on phones, where what it holds would push the member's activities below the first screen.
 */
export function WideDisclosure({
  label,
  children,
  className = "",
}: {
  label: string;
  children: (panel: { id: string; hidden: boolean }) => ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useWideOpen();
  const id = useId();
  return (
    <div className={className}>
      <DisclosureButton label={label} open={open} controls={id} onToggle={() => setOpen(!open)} />
      {children({ id, hidden: !open })}
    </div>
  );
}
