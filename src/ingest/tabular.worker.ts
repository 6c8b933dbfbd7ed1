// Turns a workbook or a Parquet file into CSV text off the main thread, so that a large file does
// not freeze the page. Each parser is loaded only when a file of its kind comes.
export interface TabularRequest {
  kind: 'parquet';
  file: Blob;
}

export type TabularMessage =
  | { type: 'progress'; share: number }
  | { type: 'done'; blob: Blob }
  | { type: 'refused'; reason: string; detail: string }
  | { type: 'error'; message: string };

const post = (message: TabularMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<TabularRequest>) => {
  const { file } = event.data;
  try {
    const { parquetToCsv, ParquetRefused } = await import('./parquet-csv');
    try {
      const blob = await parquetToCsv(await file.arrayBuffer(), (rows, total) => post({ type: 'progress', share: total > 0 ? rows / total : 1 }));
      post({ type: 'done', blob });
    } catch (error) {
      if (error instanceof ParquetRefused) post({ type: 'refused', reason: error.reason, detail: error.message });
      else throw error;
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
