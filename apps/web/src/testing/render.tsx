import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";

/** A client that never retries, so a failing test fails at once. */
export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
}

export function renderWithClient(
  ui: ReactNode,
  queryClient = testQueryClient(),
): RenderResult & { queryClient: QueryClient } {
  return { queryClient, ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>) };
}

export interface StubAnswer {
  status: number;
  body: unknown;
}

/** Settles like fetch does when its signal aborts: with the signal's reason. */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return answer;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    answer.then(resolve, reject);
  });
}

/**
 * Answers the typed client's fetches by path: a JSON body with a status, as the BFF would. A route
 * given as a function is asked on every call; it may answer later (a promise, or one that never
 * settles, for a BFF that hangs) or throw (a dropped connection). Like a browser, a call whose signal
 * aborts rejects with the signal's reason.
 */
export function stubApi(routes: Record<string, StubAnswer | (() => StubAnswer | Promise<StubAnswer>)>) {
  const calls: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    calls.push(url.pathname);
    const route = routes[url.pathname];
    const answer = await untilAborted(
      (async () => (typeof route === "function" ? route() : route))(),
      init?.signal,
    );
    if (!answer)
      return new Response(
        JSON.stringify({ error: { code: "not_found", message: "No route", requestId: "t" } }),
        { status: 404 },
      );
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return { calls, fetchStub };
}

/** A promise to answer a stubbed call with later, for what the page shows while it waits. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
