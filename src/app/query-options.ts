/**
 * How every view's queries are cached. A key holds the data version, so an answer never goes
 * stale while its key stands: nothing is asked again on focus, reconnect or remount, and a
 * navigation back to a view draws from the cache at once. Answers of keys no view uses are let
 * go after half a minute, so an unattended show or a long session keeps a bounded cache.
 */
export const QUERY_OPTIONS = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 30_000,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  refetchOnMount: false,
} as const;
