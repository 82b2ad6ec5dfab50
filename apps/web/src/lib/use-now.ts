import { useSyncExternalStore } from "react";

// A clock that ticks every 30 s, so "updated 2 min ago" stays true while the page is open.

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Before the first subscriber `now` may be old; React re-reads it right after subscribing.
const snapshot = () => now;

export const useNow = () => useSyncExternalStore(subscribe, snapshot, snapshot);
