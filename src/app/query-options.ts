/**
 * How every view's queries are cached. A key holds the data version, so an answer never goes
 * stale while its key stands: nothing is asked again on focus, reconnect or remount, and a
 * navigation back to a view draws from the cache at once. Answers of keys no view uses are let
 * go after a few seconds. Until then an entry's timer holds its options, and through their key
 * function the component that asked last, with its DOM: a long session that kept entries for
 * two minutes held every view it had left in that time (the long run's heap grew by 33 KB an
 * action); with five seconds it holds the last few.
 */
export const QUERY_OPTIONS = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 5_000,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  refetchOnMount: false,
} as const;
