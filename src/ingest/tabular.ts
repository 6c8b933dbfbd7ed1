import { ImportError } from './import-file';
import type { TabularMessage, TabularRequest } from './tabular.worker';

/** The kinds of file that are read in JavaScript and handed on as CSV. */
export type TabularKind = 'parquet';

/**
 * What a file is, from its first bytes alone (Parquet starts with PAR1): a saved upload is kept as
 * the CSV it was turned into, under its original name, and must not be read as Parquet again.
 */
export async function tabularKind(file: Blob): Promise<TabularKind | null> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  return null;
}

/**
 * The file as UTF-8 CSV, made in a worker, or the file itself where it is text already. A file
 * the reader refuses becomes an ImportError, reported like any CSV's.
 */
export function tableAsCsv(file: Blob, kind: TabularKind, onProgress: (share: number) => void, signal?: AbortSignal): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    const worker = new Worker(new URL('./tabular.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    const stop = () => {
      finish();
      reject(new DOMException('import cancelled', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<TabularMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.share);
      finish();
      if (m.type === 'done') resolve(m.blob);
      else if (m.type === 'refused') reject(new ImportError(m.reason === 'too-many-rows' || m.reason === 'too-large' ? 'parquet-too-large' : 'parquet-unreadable', m.detail));
      else reject(new ImportError('read-failed', m.message));
    };
    worker.onerror = (e) => {
      finish();
      reject(new ImportError('read-failed', e.message || `${kind} reader failed`));
    };
    worker.postMessage({ kind, file } satisfies TabularRequest);
  });
}
