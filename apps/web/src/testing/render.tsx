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

/** Answers the typed client's fetches by path: a JSON body with a status, as the BFF would. */
export function stubApi(
  routes: Record<string, { status: number; body: unknown } | (() => { status: number; body: unknown })>,
) {
  const calls: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    calls.push(url.pathname);
    const route = routes[url.pathname];
    const answer = typeof route === "function" ? route() : route;
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
