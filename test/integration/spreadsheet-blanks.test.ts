import { beforeEach, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/engine/schema';
import type { Engine } from '../../src/engine/types';
import { createNodeEngine } from '../support/node-engine';
import { importBytes } from '../support/import-bytes';

// Files as spreadsheets export them: a byte order mark, CRLF line ends, and cells padded with
// no-break (U+00A0), ideographic (U+3000), narrow no-break (U+202F) and zero width (U+200B)
// spaces around names, periods and values. The sniffer reads them as a table of periods and
// numbers; the load must take every cell the same way, and refuse none.

let engine: Engine;
beforeEach(async () => {
  engine = await createNodeEngine();
  await createSchema(engine);
});

const NB = '\u00a0';
const IDEO = '\u3000';
const NARROW = '\u202f';
const ZW = '\u200b';

/** Excel's "CSV UTF-8": a byte order mark, CRLF. */
const csvUtf8 = (rows: readonly string[][]) => new TextEncoder().encode('\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

/** Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated, CRLF. */
function unicodeText(rows: readonly string[][]): Uint8Array {
  const text = '\ufeff' + rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function observations(datasetId: string): Promise<string[]> {
  const rows = await engine.query<{ id: string; e: string; i: string; p: string; g: string; s: string; v: number }>(
    `SELECT o.entity_id AS id, e.name AS e, i.name_zh AS i, o.period AS p, o.grain AS g, CAST(o.period_start AS VARCHAR) AS s, o.value AS v
     FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id)
     WHERE dataset_id = ? ORDER BY id, p`,
    [datasetId],
  );
  return rows.map((r) => `${r.id}|${r.e}|${r.i}|${r.p}|${r.g}|${r.s}|${r.v}`);
}

// Long: one value a row. The quoted value cells hold a comma; the others need no quotes.
const LONG_ROWS = (quote: (cell: string) => string) => [
  [`地区${NB}`, '指标', `年份${IDEO}`, `${NB}数值`],
  [`${NB}东湖区${NB}`, `${IDEO}人口${IDEO}`, `2021${NB}`, quote(`${NB}1,234.5${NB}`)],
  [`${IDEO}东湖区`, `人口${NB}`, `${IDEO}2022${IDEO}`, `1300${IDEO}`],
  [`西山区${IDEO}`, '人口', `2021年${NB}`, `${NB}${NB}980`],
  [`${NB}西山区`, `${IDEO}人口`, `${NARROW}2022${NARROW}`, `${IDEO}１０２０${IDEO}`],
  [`北湖区${NB}①`, '人口', '2022', `${ZW}77${ZW}`],
  [`${NB}北湖区${NB}①${NB}`, `${IDEO}人口`, `2021${IDEO}`, quote(`${NB}n/a${NB}`)],
];

const LONG_EXPECTED = [
  'u:东湖区|东湖区|人口|2021|year|2021-01-01|1234.5',
  'u:东湖区|东湖区|人口|2022|year|2022-01-01|1300',
  'u:北湖区|北湖区|人口|2022|year|2022-01-01|77',
  'u:西山区|西山区|人口|2021|year|2021-01-01|980',
  'u:西山区|西山区|人口|2022|year|2022-01-01|1020',
];

describe('a spreadsheet export with no-break and ideographic spaces around every cell', () => {
  it.each([
    ['CSV UTF-8', () => csvUtf8(LONG_ROWS((c) => `"${c}"`))],
    ['Unicode text (UTF-16LE, tabs)', () => unicodeText(LONG_ROWS((c) => c))],
  ])('long, as %s: every cell imported, none refused', async (_, bytes) => {
    const { result, mapping } = await importBytes(engine, bytes(), 'long');
    expect(mapping.layout).toBe('long');
    expect(mapping.columns).toEqual([
      { name: '地区', role: 'entity' },
      { name: '指标', role: 'indicator' },
      { name: '年份', role: 'period' },
      { name: '数值', role: 'value' },
    ]);
    // Six records, one of them `n/a`: a missing value, neither a row nor a reject.
    expect(result).toMatchObject({ rows: 5, rejected: 0, raggedRows: 0, entities: 3, indicators: 1, periods: 2, rejects: [] });
    expect(await observations('long')).toEqual(LONG_EXPECTED);
    const entities = await engine.query<{ entity_id: string; name: string }>('SELECT entity_id, name FROM entities ORDER BY entity_id');
    expect(entities).toEqual([
      { entity_id: 'u:东湖区', name: '东湖区' },
      { entity_id: 'u:北湖区', name: '北湖区' },
      { entity_id: 'u:西山区', name: '西山区' },
    ]);
    expect(await engine.query('SELECT indicator_id, name_zh FROM indicators')).toEqual([{ indicator_id: 'u:人口', name_zh: '人口' }]);
  });

  it('wide by period, the padded periods in the header', async () => {
    const bytes = csvUtf8([
      [`"${NB}地区${NB}"`, `2021${NB}`, `${IDEO}2022${IDEO}`, `${NARROW}2023年${NB}`],
      [`${NB}东湖区`, `"${NB}1,000${NB}"`, `${IDEO}2${IDEO}`, `3${NB}`],
      [`西山区${IDEO}`, `${NB}..${NB}`, '5', `${IDEO}-${IDEO}`],
    ]);
    const { result, mapping } = await importBytes(engine, bytes, 'wide', (m) => (m.indicator.name = '得分'));
    expect(mapping.layout).toBe('wide-period');
    expect(mapping.columns.map((c) => c.role)).toEqual(['entity', 'measure', 'measure', 'measure']);
    expect(result).toMatchObject({ rows: 4, rejected: 0, raggedRows: 0, entities: 2, indicators: 1, periods: 3, rejects: [] });
    expect(await observations('wide')).toEqual([
      'u:东湖区|东湖区|得分|2021|year|2021-01-01|1000',
      'u:东湖区|东湖区|得分|2022|year|2022-01-01|2',
      'u:东湖区|东湖区|得分|2023|year|2023-01-01|3',
      'u:西山区|西山区|得分|2022|year|2022-01-01|5',
    ]);
  });
});
