import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { Engine } from '../engine/types';
import { createTables } from '../engine/schema';
import { listDatasets, type DatasetSummary } from '../ingest/datasets';
import { loadSampleDatabase } from '../ingest/sample-db';
import { readSaved, restoreSaved, type RestoreReport } from '../ingest/restore';
import { keepSnapshot } from '../ingest/keep-snapshot';
import { i18n } from '../i18n';
import { deployment } from './deployment';

export type EngineStatus = 'loading' | 'ready' | 'error';
export type StartPhase = 'engine' | 'data';

/**
 * The engine's life: started once, lazily (the shell paints before the wasm is fetched), then
 * the sample copied in (the tables the import path wrote at build time) and the person's own
 * uploads restored from browser storage. `dataVersion` increments whenever datasets change so
 * views know to query again.
 */
export const useEngineStore = defineStore('engine', () => {
  const engine = shallowRef<Engine | null>(null);
  const status = ref<EngineStatus>('loading');
  const phase = ref<StartPhase>('engine');
  const progress = ref({ loaded: 0, total: 0 });
  const error = ref<string | null>(null);
  const datasets = ref<DatasetSummary[]>([]);
  const dataVersion = ref(0);
  const firstViewDrawn = ref(false);
  const restoreReport = ref<RestoreReport | null>(null);
  /**
   * What the data lives in: DuckDB in this page (uploads, saved in the browser), or a ClickHouse
   * server this deployment names (config.json), read-only, its data loaded by an administrator.
   */
  const server = ref<{ database: string } | null>(null);

  async function refreshDatasets(): Promise<void> {
    if (!engine.value) return;
    datasets.value = await listDatasets(engine.value);
    dataVersion.value++;
  }

  /** Set when the engine stopped mid-session: restarting, then what was restored. */
  const recovery = ref<{ phase: 'restarting' } | { phase: 'restored'; restored: number; failed: string[] } | null>(null);

  /** A fresh engine with the sample and every saved upload in it, or the deployment's ClickHouse. */
  async function boot(): Promise<Engine> {
    // Asked from the page's first module (early.ts): answered long before this runs.
    const where = await deployment();
    if (where.engine === 'clickhouse') {
      server.value = { database: where.clickhouse.database };
      const { ClickHouseEngine } = await import('../engine/clickhouse');
      phase.value = 'data';
      return new ClickHouseEngine(where.clickhouse);
    }
    // Browser storage is read while the engine starts: the saved snapshots are in memory by the
    // time the sample is.
    const saved = readSaved();
    // The sample database downloads meanwhile too. Imported here, not at the top: its URL is a
    // virtual module of the Vite build (scripts/vite-sample-db.ts), which Node tests that import
    // this store do not have.
    const sample = import('../ingest/sample-db-fetch').then((m) => m.fetchSampleDatabase());
    sample.catch(() => undefined);
    const { getBrowserEngine } = await import('../engine/duckdb-browser');
    const e = await getBrowserEngine((p) => (progress.value = p));
    performance.mark('hqd:engine-started');
    phase.value = 'data';
    await createTables(e);
    const locale = i18n.global.locale.value === 'en' ? 'en' : 'zh-CN';
    // The sample's tables as importing data/*.csv wrote them at build time (src/ingest/sample-db.ts).
    const sampleBytes = await sample;
    await loadSampleDatabase(e, sampleBytes, locale);
    restoreReport.value = await restoreSaved(e, saved);
    performance.mark('hqd:data-loaded');
    // The worker can die mid-session (a crash, the browser reclaiming memory): the session then
    // starts a new engine and restores every dataset from storage, as a reload would.
    e.onLost(() => void recover());
    return e;
  }

  async function run(): Promise<void> {
    try {
      const e = await boot();
      // The datasets are listed before the engine is shown: a view whose datasets are in its
      // link would otherwise load its catalog for data version 0 and again for 1, over ten
      // million observations 4 s each. The engine is set in the same task as the version, so a
      // watcher of the version sees it too.
      datasets.value = await listDatasets(e);
      dataVersion.value++;
      engine.value = markRaw(e);
      status.value = 'ready';
      void snapshotRestored(e);
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      status.value = 'error';
    }
  }

  /**
   * Uploads that came back from their file (saved by an earlier release, or with a snapshot that
   * could not be read) get a snapshot now, after the first view: the next start reads them in place.
   */
  async function snapshotRestored(e: Engine): Promise<void> {
    for (const { id, revision } of restoreReport.value?.unsnapshotted ?? []) await keepSnapshot(e, id, revision).catch(() => false);
  }

  async function recover(): Promise<void> {
    recovery.value = { phase: 'restarting' };
    engine.value = null;
    status.value = 'loading';
    phase.value = 'engine';
    progress.value = { loaded: 0, total: 0 };
    await run();
    // `run` may have ended in the error screen; only a ready engine is reported as restored.
    if ((status.value as EngineStatus) === 'ready') recovery.value = { phase: 'restored', restored: restoreReport.value?.restored ?? 0, failed: restoreReport.value?.failed ?? [] };
  }

  let started: Promise<void> | null = null;
  function start(): Promise<void> {
    started ??= run();
    return started;
  }

  const sampleIds = computed(() => datasets.value.filter((d) => d.kind === 'sample').map((d) => d.dataset_id));

  return { engine, server, status, phase, progress, error, datasets, dataVersion, firstViewDrawn, restoreReport, recovery, sampleIds, start, refreshDatasets };
});
