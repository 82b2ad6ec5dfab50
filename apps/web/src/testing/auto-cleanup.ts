import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// The root vitest config runs without globals, so testing-library cannot register its own cleanup.
// Component tests import this file once for the side effect.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  window.history.replaceState(null, "", "/");
});
