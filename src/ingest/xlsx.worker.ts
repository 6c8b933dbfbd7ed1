// Reads a workbook's sheet into CSV text off the main thread (xlsx-csv.ts). A crafted workbook can
// only cost this worker, which the page stops after a time limit (tabular.ts).
import { serve } from './tabular-messages';
import { workbookToCsv, WorkbookRefused } from './xlsx-csv';

serve(async ({ file, sheet }, post) => {
  try {
    const book = await workbookToCsv(await file.arrayBuffer(), sheet);
    post({ type: 'done', blob: new Blob([book.csv], { type: 'text/csv' }), sheets: book.sheets, sheet: book.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookRefused)) throw error;
    post({ type: 'refused', reason: error.reason, detail: error.message });
  }
});
