// A snapshot's observations (format 2), and an upload's rows in the session before its snapshot
// takes over, are small integer codes into three key tables. Writing a
// string column costs DuckDB-wasm about as much as writing the whole row of numbers four times
// over (profiled on 2.7 M rows: 3.9 s for the five string columns, 0.3 s for the date and the
// value), and the keys repeat on every row: coded, the snapshot of that upload is written in
// 1.8 s instead of 5.0 s, and queries over it with the keys joined back are as fast.
export const KEY_TABLES = [
  { table: 'entity_keys', code: 'entity', columns: ['entity_id'] },
  { table: 'indicator_keys', code: 'indicator', columns: ['indicator_id'] },
  { table: 'period_keys', code: 'period_key', columns: ['period', 'period_start', 'grain'] },
] as const;
