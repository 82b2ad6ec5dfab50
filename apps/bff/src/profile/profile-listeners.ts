import type { ProfileStoredEvent, ProfileStoredListener } from "../live-push/ingest.ts";

// Who hears about stored profiles (the SSE fan-out, tests). Listeners run after the commit, in the
// webhook's request; one that throws is reported and does not stop the others.

export function createProfileListeners(onError: (error: unknown) => void) {
  const listeners = new Set<ProfileStoredListener>();
  return {
    /** Adds a listener; the returned function removes it. */
    subscribe(listener: ProfileStoredListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify(event: ProfileStoredEvent): void {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
