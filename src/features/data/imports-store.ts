import { defineStore } from 'pinia';
import { computed, markRaw, ref } from 'vue';
import { exportRows, removeDataset, renameDataset } from '../../ingest/datasets';
import { tableAsCsv, tabularKind, type TabularKind } from '../../ingest/tabular';
import type { SheetInfo } from '../../ingest/xlsx-csv';
import { toCsv } from '../../format/csv';
import { ImportError, importCatalogFile, importDataFile, inspectFile, newDatasetId, type ImportPhase, type Inspection } from '../../ingest/import-file';
import type { ImportMapping, ImportResult } from '../../domain/mapping';
import type { LoadProgress } from '../../ingest/read-progress';
import { requestPersistence } from '../../persist/storage';
import { keepSnapshot, newRevision } from '../../ingest/keep-snapshot';
import { forgetDataset, persistProblem, saveCatalog, saveDataset, savedDatasets, type PersistProblem, type SavedDataset } from '../../persist/saved';
import { useEngineStore } from '../../app/engine-store';

export type DraftStatus = 'inspecting' | 'review' | 'importing' | 'done' | 'refused' | 'cancelled';

export interface Draft {
  key: number;
  fileName: string;
  file: File | Blob;
  status: DraftStatus;
  inspection: Inspection | null;
  mapping: ImportMapping | null;
  name: string;
  phase: ImportPhase;
  progress: number;
  /** How far the engine has read into the file, while it loads (null before the first report). */
  read: LoadProgress | null;
  result: ImportResult | null;
  catalogResult: { added: number; updated: number } | null;
  refusal: { reason: ImportError['reason']; detail: string } | null;
  /** Set when the draft re-maps an existing dataset: the import replaces it under the same id. */
  replaces: string | null;
  importedAt: string | null;
  controller: AbortController | null;
  /** A workbook's sheets, the one shown, and the workbook itself (for another sheet to be picked). */
  workbook: { sheets: SheetInfo[]; sheet: number; source: Blob } | null;
}

// Mappings are plain JSON; a copy detaches the editable draft from what was imported (and from
// Vue's proxies, which structuredClone refuses).
const cloneMapping = (m: ImportMapping): ImportMapping => JSON.parse(JSON.stringify(m)) as ImportMapping;

const stripExtension = (name: string) => name.replace(/\.(csv|tsv|txt|parquet|xlsx)$/i, '');

/**
 * Imports as the Data view runs them: each file is inspected, imported at once when detection is
 * confident (otherwise shown for review), then saved to browser storage so it survives a reload.
 */
/** Finished imports stay listed for the person to read, the newest of them only. */
export const KEEP_FINISHED = 20;
const FINISHED: ReadonlySet<DraftStatus> = new Set(['done', 'refused', 'cancelled']);

/**
 * Drafts (newest first) without the finished ones beyond the newest `keep`: a session that
 * imports all day must not hold every summary, reject list and file forever.
 */
export function keepNewestFinished<T extends { status: DraftStatus }>(drafts: readonly T[], keep = KEEP_FINISHED): T[] {
  let finished = 0;
  return drafts.filter((d) => !FINISHED.has(d.status) || ++finished <= keep);
}

export const useImportsStore = defineStore('imports', () => {
  const drafts = ref<Draft[]>([]);
  const storageProblem = ref<PersistProblem | null>(null);
  const undoable = ref<{ saved: SavedDataset; name: string } | null>(null);
  /** Datasets with a rename, removal or undo in flight: their row is busy and its buttons wait. */
  const working = ref<ReadonlySet<string>>(new Set());
  let nextKey = 1;
  /** Something is running that will change the list: an import being read or loaded, a removal. */
  const busy = computed(() => working.value.size > 0 || drafts.value.some((d) => d.status === 'inspecting' || d.status === 'importing'));

  // One operation per dataset at a time: a second click on Remove while the first is running
  // would remove a dataset that is already gone.
  async function exclusive(datasetId: string, run: () => Promise<void>): Promise<void> {
    if (working.value.has(datasetId)) return;
    working.value = new Set([...working.value, datasetId]);
    try {
      await run();
    } finally {
      const next = new Set(working.value);
      next.delete(datasetId);
      working.value = next;
    }
  }

  const engineStore = useEngineStore();
  const engineOrThrow = () => {
    if (!engineStore.engine) throw new Error('engine not ready');
    return engineStore.engine;
  };
  const find = (key: number) => drafts.value.find((d) => d.key === key);

  async function addFiles(files: readonly File[]): Promise<void> {
    await Promise.all(files.map((file) => addOne(file, file.name)));
  }

  async function addOne(file: File | Blob, fileName: string, remap?: SavedDataset): Promise<void> {
    const key = nextKey++;
    drafts.value = keepNewestFinished(drafts.value);
    drafts.value.unshift({
      key,
      fileName,
      file: markRaw(file),
      status: 'inspecting',
      inspection: null,
      mapping: null,
      name: remap?.name ?? stripExtension(fileName),
      phase: 'transcode',
      progress: 0,
      read: null,
      result: null,
      catalogResult: null,
      refusal: null,
      replaces: remap?.id ?? null,
      importedAt: remap?.importedAt ?? null,
      controller: null,
      workbook: null,
    });
    const draft = find(key) as Draft;
    try {
      // A Parquet file or a workbook is read in JavaScript into CSV, which then takes the CSV path:
      // its preview, mapping, checks and saving are a CSV's.
      const kind = await tabularKind(file);
      if (kind) await readTable(draft, file, kind);
      const inspection = await inspectFile(draft.file, fileName);
      draft.inspection = markRaw(inspection);
      draft.mapping = cloneMapping(remap?.mapping ?? inspection.mapping);
      if (inspection.kind === 'catalog') return void (await runCatalog(draft));
      // A workbook of several sheets waits for review: the sheet picked may not be the one wanted.
      const sheets = draft.workbook?.sheets.filter((s) => s.rows > 0).length ?? 0;
      if (remap || inspection.sniffed.confidence !== 'high' || sheets > 1) draft.status = 'review';
      else await confirm(key);
    } catch (error) {
      refuse(draft, error);
    }
  }

  /** The file's table (a workbook's sheet `sheet`) as the CSV the draft imports. */
  async function readTable(draft: Draft, file: Blob, kind: TabularKind, sheet?: number): Promise<void> {
    const controller = new AbortController();
    draft.controller = markRaw(controller);
    try {
      const table = await tableAsCsv(file, kind, (share) => (draft.progress = share), controller.signal, sheet);
      draft.file = markRaw(table.csv);
      draft.workbook = table.sheets ? markRaw({ sheets: table.sheets, sheet: table.sheet ?? 0, source: file }) : null;
    } finally {
      draft.controller = null;
      draft.progress = 0;
    }
  }

  /** Another sheet of a workbook under review: read, inspected and mapped afresh. */
  async function pickSheet(key: number, sheet: number): Promise<void> {
    const draft = find(key);
    if (!draft?.workbook || draft.status !== 'review') return;
    draft.status = 'inspecting';
    try {
      await readTable(draft, draft.workbook.source, 'xlsx', sheet);
      const inspection = await inspectFile(draft.file, draft.fileName);
      draft.inspection = markRaw(inspection);
      draft.mapping = cloneMapping(inspection.mapping);
      draft.status = 'review';
    } catch (error) {
      refuse(draft, error);
    }
  }

  function refuse(draft: Draft, error: unknown): void {
    if (error instanceof DOMException && error.name === 'AbortError') {
      draft.status = 'cancelled';
      return;
    }
    const e = error instanceof ImportError ? error : new ImportError('read-failed', error instanceof Error ? error.message : String(error));
    draft.refusal = { reason: e.reason, detail: e.detail };
    draft.status = 'refused';
  }

  async function runCatalog(draft: Draft): Promise<void> {
    const inspection = draft.inspection as Inspection;
    draft.status = 'importing';
    draft.phase = 'load';
    const id = newDatasetId();
    draft.catalogResult = await importCatalogFile(engineOrThrow(), draft.file, id, inspection.encoding, inspection.mapping.read.delimiter);
    await persist(() =>
      saveCatalog({ id, sourceFile: draft.fileName, importedAt: new Date().toISOString(), delimiter: inspection.mapping.read.delimiter, file: draft.file }),
    );
    await engineStore.refreshDatasets();
    draft.status = 'done';
  }

  async function persist(write: () => Promise<void>): Promise<void> {
    try {
      await write();
      void requestPersistence();
    } catch (error) {
      // The data stays usable in this session; the person is told it will not survive a reload.
      storageProblem.value = persistProblem(error);
    }
  }

  async function confirm(key: number): Promise<void> {
    const draft = find(key);
    if (!draft?.mapping || !draft.inspection) return;
    const controller = new AbortController();
    draft.controller = markRaw(controller);
    draft.status = 'importing';
    draft.progress = 0;
    draft.read = null;
    const datasetId = draft.replaces ?? newDatasetId();
    const mapping = cloneMapping(draft.mapping);
    const importedAt = draft.importedAt ?? new Date().toISOString();
    try {
      const result = await importDataFile(engineOrThrow(), {
        file: draft.file,
        datasetId,
        name: draft.name.trim() || stripExtension(draft.fileName),
        sourceFile: draft.fileName,
        mapping,
        replace: draft.replaces !== null,
        importedAt,
        signal: controller.signal,
        onProgress: (phase, share, read) => {
          draft.phase = phase;
          draft.progress = share;
          draft.read = read ?? null;
        },
      });
      draft.result = markRaw(result);
      draft.phase = 'save';
      // Saved in two steps, each one IndexedDB transaction: the file and its mapping at once,
      // then the snapshot of what was loaded. A reload between them finds the upload still saved;
      // that start imports the file and saves the snapshot itself.
      const revision = newRevision();
      await persist(() =>
        saveDataset({ id: datasetId, name: draft.name.trim() || stripExtension(draft.fileName), sourceFile: draft.fileName, importedAt, mapping, file: draft.file, revision, snapshot: null }),
      );
      await persist(() => keepSnapshot(engineOrThrow(), datasetId, revision).then(() => undefined));
      // The list shows the dataset by the time the summary appears.
      await engineStore.refreshDatasets();
      draft.status = 'done';
    } catch (error) {
      refuse(draft, error);
    } finally {
      draft.controller = null;
    }
  }

  function cancel(key: number): void {
    const draft = find(key);
    if (!draft) return;
    if (draft.controller) draft.controller.abort();
    else drafts.value = drafts.value.filter((d) => d.key !== key);
  }

  function dismiss(key: number): void {
    drafts.value = drafts.value.filter((d) => d.key !== key);
  }

  async function remap(datasetId: string): Promise<void> {
    const saved = (await savedDatasets().catch(() => [])).find((d) => d.id === datasetId);
    if (saved) await addOne(saved.file, saved.sourceFile, saved);
  }

  async function rename(datasetId: string, name: string): Promise<void> {
    const clean = name.trim();
    if (!clean) return;
    await exclusive(datasetId, async () => {
      await renameDataset(engineOrThrow(), datasetId, clean);
      const saved = (await savedDatasets().catch(() => [])).find((d) => d.id === datasetId);
      if (saved) await persist(() => saveDataset({ ...saved, name: clean }));
      await engineStore.refreshDatasets();
    });
  }

  /** Removes at once and offers an undo: the saved file is kept in memory until the next removal. */
  async function remove(datasetId: string): Promise<void> {
    await exclusive(datasetId, async () => {
      const saved = (await savedDatasets().catch(() => [])).find((d) => d.id === datasetId);
      const name = engineStore.datasets.find((d) => d.dataset_id === datasetId)?.name ?? datasetId;
      await removeDataset(engineOrThrow(), datasetId);
      await persist(() => forgetDataset(datasetId));
      undoable.value = saved ? { saved: markRaw(saved), name } : null;
      await engineStore.refreshDatasets();
    });
  }

  async function undoRemove(): Promise<void> {
    const item = undoable.value;
    if (!item) return;
    undoable.value = null;
    const { saved } = item;
    await exclusive(saved.id, async () => {
      await importDataFile(engineOrThrow(), { file: saved.file, datasetId: saved.id, name: saved.name, sourceFile: saved.sourceFile, mapping: saved.mapping, importedAt: saved.importedAt });
      await persist(() => saveDataset(saved));
      await engineStore.refreshDatasets();
    });
  }

  async function exportCsv(datasetId: string): Promise<{ fileName: string; text: string }> {
    const rows = await exportRows(engineOrThrow(), datasetId);
    const name = engineStore.datasets.find((d) => d.dataset_id === datasetId)?.name ?? datasetId;
    const text = toCsv(
      ['entity_id', 'entity', 'indicator_id', 'indicator', 'unit', 'period', 'value', 'flag'],
      rows.map((r) => [r.entity_id, r.entity, r.indicator_id, r.indicator, r.unit, r.period, r.value, r.flag]),
    );
    return { fileName: `${name}.csv`, text };
  }

  /** The same rows as the CSV export, as a Parquet file (its writer loaded when first asked for). */
  async function exportParquet(datasetId: string): Promise<{ fileName: string; data: Blob }> {
    const rows = await exportRows(engineOrThrow(), datasetId);
    const name = engineStore.datasets.find((d) => d.dataset_id === datasetId)?.name ?? datasetId;
    const { toParquet } = await import('../../format/parquet');
    const text = (n: string) => ({ name: n, type: 'VARCHAR' });
    const columns = [text('entity_id'), text('entity'), text('indicator_id'), text('indicator'), text('unit'), text('period'), { name: 'value', type: 'DOUBLE' }, text('flag')];
    const data = toParquet(columns, rows.map((r) => [r.entity_id, r.entity, r.indicator_id, r.indicator, r.unit, r.period, r.value, r.flag]));
    return { fileName: `${name}.parquet`, data: new Blob([data]) };
  }

  return { drafts, storageProblem, undoable, working, busy, addFiles, pickSheet, confirm, cancel, dismiss, remap, rename, remove, undoRemove, exportCsv, exportParquet };
});
