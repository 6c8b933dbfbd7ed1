import { ImportError, type RefusalReason } from './import-file';
import type { TabularMessage, TabularRequest } from './tabular-messages';
import type { SheetInfo } from './xlsx-csv';

/** The kinds of file that are read in JavaScript and handed on as CSV. */
export type TabularKind = 'parquet' | 'xlsx';

/** A workbook that has not answered in this long is refused: a crafted file must not hang the page. */
export const WORKBOOK_TIMEOUT_MS = 120_000;

/**
 * What a file is, from its first bytes alone (Parquet starts with PAR1, an .xlsx is a zip): a
 * saved upload is kept as the CSV it was turned into, under its original name, and must not be
 * read as Parquet or a workbook again.
 */
export async function tabularKind(file: Blob): Promise<TabularKind | null> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  return null;
}

function refusal(kind: TabularKind, reason: string): RefusalReason {
  if (kind === 'parquet') return reason === 'too-many-rows' || reason === 'too-large' ? 'parquet-too-large' : 'parquet-unreadable';
  return reason === 'zip-bomb' || reason === 'shared-strings' || reason === 'too-many-parts' ? 'xlsx-too-large' : reason === 'external-links' ? 'xlsx-external' : reason === 'no-sheet' ? 'xlsx-empty' : 'xlsx-unreadable';
}

export interface TableCsv {
  csv: Blob;
  /** A workbook's sheets and the one written. */
  sheets?: SheetInfo[];
  sheet?: number;
}

/**
 * The file as UTF-8 CSV, made in a worker. A file the reader refuses becomes an ImportError,
 * reported like any CSV's; so does a workbook that takes longer than WORKBOOK_TIMEOUT_MS, or
 * whose worker dies (out of memory).
 */
export function tableAsCsv(file: Blob, kind: TabularKind, onProgress: (share: number) => void, signal?: AbortSignal, sheet?: number): Promise<TableCsv> {
  return new Promise<TableCsv>((resolve, reject) => {
    // One worker per kind, so that a Parquet file does not load the workbook reader, nor the reverse.
    const worker =
      kind === 'parquet' ? new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' }) : new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    const timer = kind === 'xlsx' ? setTimeout(() => (finish(), reject(new ImportError('xlsx-too-large', 'timeout'))), WORKBOOK_TIMEOUT_MS) : 0;
    function finish(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    }
    function stop(): void {
      finish();
      reject(new DOMException('import cancelled', 'AbortError'));
    }
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<TabularMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.share);
      finish();
      if (m.type === 'done') resolve({ csv: m.blob, sheets: m.sheets, sheet: m.sheet });
      else if (m.type === 'refused') reject(new ImportError(refusal(kind, m.reason), m.detail));
      else reject(new ImportError(kind === 'xlsx' ? 'xlsx-unreadable' : 'parquet-unreadable', m.message));
    };
    worker.onerror = (e) => {
      finish();
      reject(new ImportError(kind === 'xlsx' ? 'xlsx-too-large' : 'parquet-unreadable', e.message || `${kind} reader failed`));
    };
    worker.postMessage({ file, sheet } satisfies TabularRequest);
  });
}
