import { describe, expect, it } from 'vitest';
import { useQueriesStatus } from '../../../src/app/query-status';
import { useUrlState } from '../../../src/app/url-state';
import { useCompareData } from '../../../src/features/compare/use-compare-data';
import type { Row } from '../../../src/engine/types';
import { deferred, scriptedEngine, settle, viewHarness, type Deferred } from './view-harness';

// What a person sees when answers come late, out of order, or not at all: the views' keyed
// queries, run against an engine whose every answer the test releases by hand.

const indicator = (id: string) => ({ indicator_id: id, name_zh: id, name_en: id, category: 'other', unit: '%', direction: 1, target: null, target_year: null, weight: 1, tier: 'basic', gate_min: null, gate_max_stars: null, decimals: 1, definition: '', source: '', grain: 'year', first_period: '2020', last_period: '2024', observations: 1, dataset_ids: 'x' });
const CATALOG: Record<string, string[]> = { "('a', 'b')": ['a1', 'a2', 'b1'], "('b')": ['b1'] };

/** Queries by kind and dataset selection; each waits in `pending` until the test answers it. */
function catalogEngine() {
  const pending: { sql: string; answer: Deferred<Row[]> }[] = [];
  const engine = scriptedEngine((sql) => {
    const answer = deferred<Row[]>();
    pending.push({ sql, answer });
    return answer.promise;
  });
  /** Answer every waiting query for this selection (`('b')`) with what the data holds. */
  const release = (selection: string, fail?: Error) => {
    for (const p of pending.filter((x) => x.sql.includes(`IN ${selection}`))) {
      pending.splice(pending.indexOf(p), 1);
      if (fail) p.answer.reject(fail);
      else if (p.sql.includes('JOIN indicators')) p.answer.resolve((CATALOG[selection] ?? []).map(indicator));
      else if (p.sql.includes('AS year')) p.answer.resolve([{ year: 2024 }, { year: 2023 }]);
      else if (p.sql.includes('RECURSIVE')) p.answer.resolve([{ entity_id: 'd01', name: '东湖区', level: 'district', parent_id: null }]);
      else p.answer.resolve([]);
    }
  };
  return { engine, pending, release };
}

describe('the shared catalog', () => {
  it('follows the datasets changed in place, and drops the answer for the selection left', async () => {
    const { engine, release } = catalogEngine();
    const h = await viewHarness(engine, ['a', 'b'], '/compare?datasets=a,b', () => useUrlState());
    await settle();
    // The person switches to one dataset before the first catalog has come back…
    await h.router.replace('/compare?datasets=b');
    await settle();
    release("('b')");
    await settle();
    expect(h.result.catalog.indicators.value.map((i) => i.indicator_id)).toEqual(['b1']);
    // …and the late answer for both datasets does not replace it.
    release("('a', 'b')");
    await settle();
    expect(h.result.catalog.indicators.value.map((i) => i.indicator_id)).toEqual(['b1']);
    expect(h.result.catalog.current.value).toBe(true);
    h.stop();
  });

  it("lists the new selection's indicators in Compare's picker, as a fresh load of the link does", async () => {
    const { engine, release } = catalogEngine();
    const h = await viewHarness(engine, ['a', 'b'], '/compare?datasets=a,b', () => useCompareData());
    await settle();
    release("('a', 'b')");
    await settle();
    expect(h.result.catalog.indicators.value).toHaveLength(3);
    await h.router.replace('/compare?datasets=b');
    await settle();
    release("('b')");
    await settle();
    expect(h.result.catalog.indicators.value.map((i) => i.indicator_id)).toEqual(['b1']);
    expect(h.result.indicator.value?.indicator_id).toBe('b1');
    h.stop();
  });
});

describe('a failed query', () => {
  it('shows its error in words, leaves nothing busy, and answers on retry', async () => {
    const { engine, release } = catalogEngine();
    const h = await viewHarness(engine, ['b'], '/', () => {
      const url = useUrlState();
      return { url, status: useQueriesStatus(() => [url.catalog.query]) };
    });
    await settle();
    expect(h.result.status.busy.value).toBe(true);
    release("('b')", new Error('Out of Memory Error: could not allocate block'));
    await settle();
    expect(h.result.status.error.value).toBe('Out of Memory Error: could not allocate block');
    expect(h.result.status.busy.value).toBe(false);
    h.result.status.retry();
    await settle();
    expect(h.result.status.busy.value).toBe(true);
    release("('b')");
    await settle();
    expect(h.result.status.error.value).toBeNull();
    expect(h.result.url.catalog.indicators.value.map((i) => i.indicator_id)).toEqual(['b1']);
    h.stop();
  });
});

describe('links that name what is not there', () => {
  it('drops an unknown indicator once the catalog is in, and says so', async () => {
    const { engine, release } = catalogEngine();
    const h = await viewHarness(engine, ['b'], '/?indicator=gone&period=2024年', () => useUrlState());
    await settle();
    expect(h.result.dropped.value.map((d) => d.key)).toEqual(['period']);
    release("('b')");
    await settle();
    expect(h.result.dropped.value).toEqual([
      { key: 'period', value: '2024年', reason: 'malformed' },
      { key: 'indicator', value: 'gone', reason: 'unknown' },
    ]);
    expect(h.result.indicator.value).toBeNull();
    h.stop();
  });
});
