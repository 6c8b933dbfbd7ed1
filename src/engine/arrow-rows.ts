import type { Columns, Row } from './types';

interface ArrowTableLike<V = { get(index: number): unknown }> {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(index: number): V | null;
}

/**
 * Arrow result → plain objects, column by column (faster than `toJSON()` per row). BIGINT and
 * DECIMAL already arrive as doubles because the database is opened with the cast options.
 */
export function arrowToRows<T extends object = Row>(table: ArrowTableLike): T[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) {
      const value = columns[c]?.get(r);
      row[names[c] as string] = value === undefined ? null : value;
    }
    rows[r] = row;
  }
  return rows as T[];
}

/**
 * Arrow result → columns: each column's `toArray()`, a typed array for numbers without nulls
 * (one copy of its buffers, no value read one by one), values for others.
 */
export function arrowToColumns(table: ArrowTableLike<{ toArray(): ArrayLike<unknown> }>): Columns {
  const columns: Record<string, ArrayLike<unknown>> = {};
  table.schema.fields.forEach((field, i) => (columns[field.name] = table.numRows === 0 ? [] : (table.getChildAt(i)?.toArray() ?? [])));
  return { length: table.numRows, columns };
}
