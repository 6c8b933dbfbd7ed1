import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { toParquet } from '../../../src/format/parquet';
import { parquetToCsv, ParquetRefused } from '../../../src/ingest/parquet-csv';

const columns = [
  { name: '地区', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
  { name: 'n', type: 'BIGINT' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'ok', type: 'BOOLEAN' },
  { name: 'day', type: 'DATE' },
];
const rows = [
  ['东湖区', 2023, 12, 15.1, true, Date.UTC(2023, 0, 1)],
  ['含"引号", 和逗号', 2024, null, -0.000125, false, null],
  [null, null, 9007199254740991, 1e21, null, Date.UTC(2024, 5, 30)],
];

describe('Parquet out and back', () => {
  it('writes typed columns that read back as the same values', async () => {
    const file = toParquet(columns, rows);
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(3);
    const back = await parquetReadObjects({ file });
    expect(back[0]).toEqual({ 地区: '东湖区', year: 2023, n: 12n, value: 15.1, ok: true, day: '2023-01-01' });
    expect(back[1]).toMatchObject({ 地区: '含"引号", 和逗号', n: null, value: -0.000125, day: null });
    expect(back[2]).toMatchObject({ 地区: null, year: null, n: 9007199254740991n, value: 1e21 });
  });

  it('turns into CSV text with exact numbers, quoting where needed and empty cells for NULL', async () => {
    const csv = await (await parquetToCsv(toParquet(columns, rows))).text();
    expect(csv.split('\r\n')).toEqual([
      '地区,year,n,value,ok,day',
      '东湖区,2023,12,15.1,true,2023-01-01',
      '"含""引号"", 和逗号",2024,,-0.000125,false,',
      ',,9007199254740991,1e+21,,2024-06-30',
      '',
    ]);
  });

  it('refuses a file that is not Parquet, or is cut short', async () => {
    await expect(parquetToCsv(new TextEncoder().encode('a,b\n1,2\n').buffer)).rejects.toBeInstanceOf(ParquetRefused);
    const whole = new Uint8Array(toParquet(columns, rows));
    await expect(parquetToCsv(whole.slice(0, whole.length - 20).buffer)).rejects.toMatchObject({ reason: 'unreadable' });
  });
});
