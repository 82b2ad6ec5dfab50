import type { Query, QueryKey } from "@tanstack/react-query";

/**
 * For `useQuery`'s `throwOnError`: a failure with nothing to show goes to the nearest error
 * boundary (as `useSuspenseQuery` would send it); a failed refetch keeps what is shown.
 *
 * The member home reads its data with `useQuery` and draws its own skeleton rather than suspending:
 * React 19 holds back a Suspense boundary's content until 300 ms after its fallback appeared
 * (its fallback throttle), so content waited ≈ 300 ms after its data had arrived (ADR 0030).
 */
export const throwWithoutData = <TData, TKey extends QueryKey>(
  _error: Error,
  query: Query<TData, Error, TData, TKey>,
) => query.state.data === undefined;
