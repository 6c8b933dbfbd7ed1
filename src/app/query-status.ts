import { computed } from 'vue';

/** The parts of a Pinia Colada query a view's status needs. */
interface QueryLike {
  asyncStatus: { value: 'idle' | 'loading' };
  error: { value: unknown };
  refetch: () => Promise<unknown>;
}

/**
 * One status for the queries a view draws from: busy while any is asking, the first error in
 * words, and a retry that asks again whatever failed. A failed query leaves nothing busy.
 */
export function useQueriesStatus(queries: () => readonly QueryLike[]) {
  const busy = computed(() => queries().some((q) => q.asyncStatus.value === 'loading'));
  const error = computed<string | null>(() => {
    const failed = queries().find((q) => q.error.value != null);
    if (!failed) return null;
    const e = failed.error.value;
    return e instanceof Error ? e.message : String(e);
  });
  function retry(): void {
    for (const q of queries()) if (q.error.value != null) void q.refetch();
  }
  return { busy, error, retry };
}
