import { useRef, useState } from "react";

export type CheckOutcome = "fresh" | "stale" | "failed";

/**
 * The stale banner's "Try again": busy while the member's own check runs (the background polls stay
 * quiet, or a screen reader would hear "Checking…" every few seconds), then what came of it, so the
 * click always visibly does something. `recovered` turns true when the data stops being stale,
 * whether a click or a poll brought it, so the section can say so once the banner has gone.
 */
export function useStaleCheck(stale: boolean, check: () => Promise<CheckOutcome>) {
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [wasStale, setWasStale] = useState(stale);
  const [recovered, setRecovered] = useState(false);
  // A second click before React re-renders must not start a second check.
  const running = useRef(false);

  // Adjusted while rendering (React's pattern for state that follows a prop): a new outage starts
  // with no old outcome, and a recovery is announced once.
  if (wasStale !== stale) {
    setWasStale(stale);
    setRecovered(!stale);
    setOutcome(null);
  }

  const start = () => {
    if (running.current) return;
    running.current = true;
    setChecking(true);
    setOutcome(null);
    void check()
      .catch((): CheckOutcome => "failed")
      .then((result) => {
        running.current = false;
        setChecking(false);
        setOutcome(result);
      });
  };

  return { checking, outcome, recovered, start };
}
