import { ref, shallowRef } from 'vue';
import type { Engine } from '../../engine/types';
import { runReadOnly, SqlQueryError, SqlRefusedError, type SqlResult } from './run-query';
import type { RefusalReason } from './guard';

/** Why the last run gave no result: refused by the guard, failed in DuckDB, cancelled, or anything else. */
export type RunFailure =
  | { kind: 'refused'; reason: RefusalReason; word: string; position: number }
  | { kind: 'query'; message: string; position: number | null }
  | { kind: 'cancelled' }
  | { kind: 'other'; message: string };

/** One statement at a time: running it, its result or failure, and cancelling it. */
export function useSqlRun() {
  const running = ref(false);
  const result = shallowRef<SqlResult | null>(null);
  const failure = shallowRef<RunFailure | null>(null);
  /** The text of the statement the result or failure answers. */
  const ran = ref('');
  let controller: AbortController | null = null;

  async function run(engine: Engine, sql: string): Promise<SqlResult | null> {
    controller?.abort();
    const mine = (controller = new AbortController());
    running.value = true;
    failure.value = null;
    try {
      const answer = await runReadOnly(engine, sql, { signal: mine.signal });
      if (mine !== controller) return null;
      result.value = answer;
      ran.value = sql;
      return answer;
    } catch (error) {
      if (mine !== controller) return null;
      result.value = null;
      ran.value = sql;
      if (error instanceof SqlRefusedError) failure.value = { kind: 'refused', reason: error.refusal.reason, word: error.refusal.word, position: error.refusal.position };
      else if (error instanceof SqlQueryError) failure.value = { kind: 'query', message: error.message, position: error.position };
      else if (error instanceof DOMException && error.name === 'AbortError') failure.value = { kind: 'cancelled' };
      else failure.value = { kind: 'other', message: error instanceof Error ? error.message : String(error) };
      return null;
    } finally {
      if (mine === controller) {
        running.value = false;
        controller = null;
      }
    }
  }

  function cancel(): void {
    controller?.abort();
  }

  return { running, result, failure, ran, run, cancel };
}
