import { describe, expect, it } from 'vitest';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';
import { sniff } from '../../src/ingest/sniff';
import { EUROSTAT_POPULATION } from '../support/publisher-files';

// Eurostat's TSV download: the keys of each row packed in its first field, one column per period
// (headers with a trailing blank), `:` for a value not available, flags after the number.


const GDP = [
  'freq,unit,na_item,geo\\TIME_PERIOD\t2022 \t2023 ',
  'A,CP_MEUR,B1GQ,DE\t3876810.0 \t4121160.0 p',
  'A,CP_MEUR,B1G,DE\t3469440.0 \t3702440.0 p',
  'A,PC_GDP,B1GQ,DE\t100.0 \t100.0 ',
].join('\r\n');

interface Row {
  entity: string;
  indicator: string;
  unit: string;
  period: string;
  value: number;
  flag: string | null;
}

const rowsOf = (datasetId: string) =>
  `SELECT e.name AS entity, i.name_zh AS indicator, i.unit, o.period, o.value, o.flag FROM observations o
   JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id = '${datasetId}'
   ORDER BY i.name_zh, i.unit, e.name, o.period`;

describe('a Eurostat TSV file', () => {
  it('is proposed as Eurostat, with its packed keys as columns of their own', () => {
    const result = sniff(EUROSTAT_POPULATION, { complete: true, fileName: 'tps00001.tsv' });
    expect(result.publisher).toBe('eurostat');
    expect(result.packed).toBe(3);
    expect(result.layout).toBe('wide-period');
    expect(result.columns.map((c) => [c.name, c.role])).toEqual([
      ['freq', 'ignore'],
      ['indic_de', 'indicator'],
      ['geo', 'entity'],
      ['2014', 'measure'],
      ['2015', 'measure'],
      ['2016', 'measure'],
    ]);
    expect(result.preview[2]).toEqual(['A', 'JAN', 'DE', '80767463 ', '81197537 b', '82175684 ']);
    expect(result.confidence).toBe('high');
  });

  it('imports every value with its flag, and a flagged missing mark as no value', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(EUROSTAT_POPULATION), 'up-estat');
    expect(result).toMatchObject({ rows: 13, rejected: 0, flagged: 4, entities: 5, indicators: 1, periods: 3 });
    const rows = await engine.query<Row>(rowsOf('up-estat'));
    const flagged = rows.filter((r) => r.flag !== null).map((r) => [r.entity, r.period, r.value, r.flag]);
    expect(flagged).toEqual([
      ['DE', '2015', 81197537, 'b'],
      ['EL', '2016', 10783748, 'p'],
      ['FR', '2014', 66165980, 'bep'],
      ['FR', '2015', 66458153, 'e'],
    ]);
    expect(rows.filter((r) => r.entity === 'EL').map((r) => r.period)).toEqual(['2015', '2016']);
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(['JAN']));
  });

  it('names the indicator by the keys beside the place, and one name in two units as two indicators', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(GDP), 'up-gdp');
    expect(result).toMatchObject({ rows: 6, rejected: 0, flagged: 2, indicators: 3 });
    const rows = await engine.query<Row>(rowsOf('up-gdp'));
    expect(rows.map((r) => [r.indicator, r.unit, r.period, r.value, r.flag])).toEqual([
      ['B1G', 'CP_MEUR', '2022', 3469440, null],
      ['B1G', 'CP_MEUR', '2023', 3702440, 'p'],
      ['B1GQ(CP_MEUR)', 'CP_MEUR', '2022', 3876810, null],
      ['B1GQ(CP_MEUR)', 'CP_MEUR', '2023', 4121160, 'p'],
      ['B1GQ(PC_GDP)', 'PC_GDP', '2022', 100, null],
      ['B1GQ(PC_GDP)', 'PC_GDP', '2023', 100, null],
    ]);
  });

  it('refuses the flagged values as numbers when the person reads it as a generic file', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(EUROSTAT_POPULATION), 'up-generic', (m) => (m.read.publisher = 'generic'));
    expect(result.flagged).toBe(0);
    expect(result.rejects.map((r) => r.value)).toEqual(['81197537 b', '10783748 p', '66165980 bep', '66458153 e', ': c']);
  });
});
