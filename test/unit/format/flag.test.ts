import { describe, expect, it } from 'vitest';
import { flagLabel } from '../../../src/format/flag';
import { trendTable, seriesByEntity } from '../../../src/charts/trend';
import { csvTable } from '../../../src/ui/charts/chart-table';

const t = (key: string) => ({ 'flag.b': '序列中断', 'flag.e': '估计值', 'flag.p': '临时数据' })[key] ?? key;

describe('flags shown to a reader', () => {
  it('puts known letters in words and leaves other flags as written', () => {
    expect(flagLabel('p', t)).toBe('p 临时数据');
    expect(flagLabel('bep', t)).toBe('b 序列中断 · e 估计值 · p 临时数据');
    expect(flagLabel('E', t)).toBe('E');
    expect(flagLabel('Provisional', t)).toBe('Provisional');
  });

  it('keeps flags beside the trend table, and the CSV gives each flagged column a flag column', () => {
    const series = seriesByEntity([
      { entity_id: 'a', name: 'A', period: '2022', value: 1, flag: null },
      { entity_id: 'a', name: 'A', period: '2023', value: 2, flag: 'p' },
      { entity_id: 'b', name: 'B', period: '2023', value: 3 },
    ]);
    const table = trendTable(['2022', '2023'], series, 'Period', (p) => p);
    expect(table.rows).toEqual([['2022', 1, null], ['2023', 2, 3]]);
    expect(table.flags).toEqual([[null, null, null], [null, 'p', null]]);
    expect(csvTable(table, (c) => `${c} flag`)).toEqual({ columns: ['Period', 'A', 'A flag', 'B'], rows: [['2022', 1, null, null], ['2023', 2, 'p', 3]] });
  });

  it('adds nothing to a table without flags', () => {
    const table = trendTable(['2023'], seriesByEntity([{ entity_id: 'a', name: 'A', period: '2023', value: 2 }]), 'Period', (p) => p);
    expect(table.flags).toBeUndefined();
    expect(csvTable(table, (c) => c)).toBe(table);
  });
});
