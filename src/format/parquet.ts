import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer/src/types.js';
import { cellText } from '../features/sql/cell';

/**
 * Rows as a Parquet file (hyparquet-writer, snappy), typed from DuckDB's column types: integers as
 * INT32 or INT64, floats as FLOAT or DOUBLE, booleans, timestamps, and everything else (dates,
 * decimals' text forms aside, lists, structs) as its text. A column is nullable; NULL stays NULL.
 */
export interface ParquetColumn {
  name: string;
  /** DuckDB's type name: INTEGER, DOUBLE, VARCHAR, DATE, … */
  type: string;
}

const INT32 = /^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/;
const INT64 = /^(BIGINT|UINTEGER|UBIGINT|HUGEINT|UHUGEINT)$/;
const DOUBLE = /^(DOUBLE|DECIMAL|REAL)/;

function column(c: ParquetColumn, values: unknown[]): { name: string; type: BasicType; data: unknown[]; nullable: true } {
  const of = (type: BasicType, map: (v: unknown) => unknown) => ({ name: c.name, type, data: values.map((v) => (v === null || v === undefined ? null : map(v))), nullable: true as const });
  if (c.type === 'BOOLEAN') return of('BOOLEAN', Boolean);
  if (INT32.test(c.type)) return of('INT32', Number);
  // DuckDB-wasm hands BIGINT over as doubles; a value past 2^53 could not be an exact integer anyway.
  if (INT64.test(c.type) && values.every((v) => v === null || v === undefined || typeof v === 'bigint' || Number.isSafeInteger(v))) return of('INT64', (v) => BigInt(v as number | bigint));
  if (c.type === 'FLOAT') return of('FLOAT', Number);
  if (DOUBLE.test(c.type) || INT64.test(c.type)) return of('DOUBLE', Number);
  if (/^TIMESTAMP/.test(c.type)) return of('TIMESTAMP', (v) => (v instanceof Date ? v : new Date(v as number)));
  return of('STRING', (v) => cellText(v, c.type));
}

export function toParquet(columns: readonly ParquetColumn[], rows: readonly (readonly unknown[])[]): ArrayBuffer {
  return parquetWriteBuffer({
    columnData: columns.map((c, i) => column(c, rows.map((r) => r[i]))) as Parameters<typeof parquetWriteBuffer>[0]['columnData'],
  });
}
