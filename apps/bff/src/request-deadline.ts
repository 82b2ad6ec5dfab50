import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors.ts";

// The API's promise to the browser: an answer within `ms`, whatever an upstream or the database is
// doing. The upstream layer has its own, shorter deadline and answers from the cache when it passes;
// this one is the backstop for everything else (a database that stopped answering, a bug that
// waits forever). Long-lived streams are exempt: they answer at once and then stay open.

/** Every API answer, success or error, leaves within this (live streams excepted). */
export const API_DEADLINE_MS = 4_500;

export function requestDeadline(ms: number, exempt: (path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (exempt(c.req.path)) return next();
    await withinDeadline(next(), ms);
  };
}

/** `work`, or the API's 503 "timeout" once `ms` have passed (the work goes on unanswered). */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(503, "timeout", "This is taking longer than it should. Please try again in a moment."),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
