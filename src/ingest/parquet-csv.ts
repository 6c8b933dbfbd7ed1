import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { csvLine, type TableCell } from './table-csv';

/**
 * A Parquet file as CSV text, read in JavaScript: DuckDB-wasm's parquet extension is not in the
 * bundle and would be fetched from the internet. Read a row group at a time, so a file costs its
 * CSV and one group's rows. Nested columns come out as JSON text.
 */

/** Rows a Parquet upload may declare: past this its CSV would not fit in a tab's memory anyway. */
export const MAX_PARQUET_ROWS = 20_000_000;
/** Uncompressed bytes its column chunks may declare: a tiny file that inflates to gigabytes is refused. */
export const MAX_PARQUET_BYTES = 4 * 1024 ** 3;

export class ParquetRefused extends Error {
  constructor(readonly reason: 'not-parquet' | 'too-many-rows' | 'too-large' | 'unreadable', detail: string) {
    super(detail);
    this.name = 'ParquetRefused';
  }
}

export const isParquet = (head: Uint8Array) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;

export async function parquetToCsv(buffer: ArrayBuffer, onProgress?: (rows: number, total: number) => void, signal?: { aborted: boolean }): Promise<Blob> {
  if (!isParquet(new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength)))) throw new ParquetRefused('not-parquet', 'no PAR1 header');
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new ParquetRefused('unreadable', error instanceof Error ? error.message : String(error));
  }
  const total = Number(metadata.num_rows);
  if (total > MAX_PARQUET_ROWS) throw new ParquetRefused('too-many-rows', String(total));
  const inflated = metadata.row_groups.reduce((sum, g) => sum + g.columns.reduce((s, c) => s + Number(c.meta_data?.total_uncompressed_size ?? 0), 0), 0);
  if (inflated > MAX_PARQUET_BYTES) throw new ParquetRefused('too-large', String(inflated));
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const parts: string[] = [csvLine(columns)];
  let done = 0;
  for (const group of metadata.row_groups) {
    if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
    const rows = Number(group.num_rows);
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      rowStart: done,
      rowEnd: done + rows,
      rowFormat: 'array',
      onComplete: (data: unknown) => {
        let chunk = '';
        for (const row of data as TableCell[][]) {
          chunk += csvLine(row);
          if (chunk.length > 1 << 20) {
            parts.push(chunk);
            chunk = '';
          }
        }
        parts.push(chunk);
      },
    }).catch((error: unknown) => {
      throw new ParquetRefused('unreadable', error instanceof Error ? error.message : String(error));
    });
    done += rows;
    onProgress?.(done, total);
  }
  return new Blob(parts, { type: 'text/csv' });
}
