import { PiniaColada } from '@pinia/colada';
import { createPinia, setActivePinia } from 'pinia';
import { createApp, effectScope, nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useEngineStore } from '../../../src/app/engine-store';
import { QUERY_OPTIONS } from '../../../src/app/query-options';
import type { Engine, Row } from '../../../src/engine/types';
import { i18n } from '../../../src/i18n';

/** A promise resolved or rejected from outside, so a test decides which answer comes first. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

/** An engine whose every query waits until the test answers it through `answer`. */
export function scriptedEngine(answer: (sql: string) => Promise<Row[]>): Engine {
  return {
    query: <T extends object>(sql: string) => answer(sql) as Promise<T[]>,
    queryColumns: () => Promise.reject(new Error('not in this test')),
    transaction: () => Promise.reject(new Error('not in this test')),
    registerFile: () => Promise.resolve(),
    dropFile: () => Promise.resolve(),
    registerEmptyFile: () => Promise.resolve(),
    copyFile: () => Promise.resolve(new Uint8Array()),
  };
}

/**
 * The app's plugins (Pinia with Colada, a router, i18n) without a DOM: composables run in an
 * effect scope inside the app's injection context, as they would in a page's setup.
 */
export async function viewHarness<T>(engine: Engine, datasets: string[], path: string, setup: () => T) {
  const pinia = createPinia();
  // No view is rendered: the one route only gives `useRoute` a path and a query to read.
  const blank = { render: () => null };
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: blank }] });
  const app = createApp(blank).use(pinia).use(PiniaColada, { queryOptions: QUERY_OPTIONS }).use(router).use(i18n);
  setActivePinia(pinia);
  const store = useEngineStore();
  store.datasets = datasets.map((id) => ({ dataset_id: id, name: id, kind: 'sample', row_count: 1 }) as (typeof store.datasets)[number]);
  store.engine = engine;
  store.status = 'ready';
  await router.push(path);
  const scope = effectScope();
  const result = app.runWithContext(() => scope.run(setup) as T);
  return { result, router, store, stop: () => scope.stop() };
}

/** Let promise reactions and Vue's scheduler run until nothing is pending. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
}
