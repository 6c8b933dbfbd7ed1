// Reads a Parquet file into CSV text off the main thread (parquet-csv.ts).
import { parquetToCsv, ParquetRefused } from './parquet-csv';
import { serve } from './tabular-messages';

serve(async ({ file }, post) => {
  try {
    const blob = await parquetToCsv(await file.arrayBuffer(), (rows, total) => post({ type: 'progress', share: total > 0 ? rows / total : 1 }));
    post({ type: 'done', blob });
  } catch (error) {
    if (!(error instanceof ParquetRefused)) throw error;
    post({ type: 'refused', reason: error.reason, detail: error.message });
  }
});
