import type { Encoding } from '../domain/mapping';
import type { TranscodeMessage } from './transcode.worker';

/** The file as UTF-8 bytes DuckDB can read: unchanged when it already is, re-encoded in a worker otherwise. */
export function toUtf8(file: Blob, encoding: Encoding, onProgress: (share: number) => void, signal?: AbortSignal): Promise<Blob> {
  if (encoding === 'utf-8') return Promise.resolve(file);
  return new Promise<Blob>((resolve, reject) => {
    const worker = new Worker(new URL('./transcode.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('import cancelled', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<TranscodeMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.total > 0 ? m.read / m.total : 0);
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (m.type === 'done') resolve(m.blob);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(e.message || 'transcoding worker failed'));
    };
    worker.postMessage({ file, encoding });
  });
}
