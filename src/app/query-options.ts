/**
 * How every view's queries are cached. A key holds the data version, so an answer never goes
 * stale while its key stands: nothing is asked again on focus, reconnect or remount while a view
 * uses it, and the catalog, which the header and every view use, is asked once per data version.
 *
 * An answer no view uses any more is let go at once (gcTime 0). Until an unused entry is
 * collected its timer holds the entry's options, and through their key function the component
 * that asked last, with its DOM: kept for two minutes, the long run's heap grew 33 KB an action;
 * for five seconds, it swung by ±2 MB from one checkpoint to the next with whatever views had
 * been left in those seconds. A view come back to asks again; its observations are still held in
 * memory (view-cache.ts), so that costs milliseconds.
 */
export const QUERY_OPTIONS = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 0,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  refetchOnMount: false,
} as const;
