// What the Parquet and workbook workers (parquet.worker.ts, xlsx.worker.ts) are asked and answer.
import type { SheetInfo } from './xlsx-csv';

export interface TabularRequest {
  file: Blob;
  /** For a workbook: the sheet to write, by index; the one with the table when absent. */
  sheet?: number;
}

export type TabularMessage =
  | { type: 'progress'; share: number }
  | { type: 'done'; blob: Blob; sheets?: SheetInfo[]; sheet?: number }
  | { type: 'refused'; reason: string; detail: string }
  | { type: 'error'; message: string };

/** Answers each request with `work`, which posts progress and its result; anything thrown is an error message. */
export function serve(work: (request: TabularRequest, post: (m: TabularMessage) => void) => Promise<void>): void {
  const post = (m: TabularMessage) => (self as unknown as Worker).postMessage(m);
  self.onmessage = async (event: MessageEvent<TabularRequest>) => {
    try {
      await work(event.data, post);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
