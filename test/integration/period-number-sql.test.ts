import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/engine/schema';
import type { Engine } from '../../src/engine/types';
import { isMissing, parseNumber } from '../../src/domain/numbers';
import { periodMapSql } from '../../src/domain/period-sql';
import { parsePeriods } from '../../src/domain/dates';
import { MONTH_NUMBERS, monthOf } from '../../src/domain/months';
import { createNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createSchema(engine);
});

const PERIODS = [
  '2023', '2023年', '2023 [YR2023]', 'FY2023', 'FY 2023', '2023年度', '2023H1', '2023-H2', '2023 H2', '2023上半年', '2023年下半年',
  '2023Q1', '2023-Q3', 'Q4 2012', '2023年第一季度', '2023年1季度', '2023年第四季度', '2023-03', '2023/3', '2023.11', '2023年3月', '202303',
  '2023M07', '２０２３', '２０２３年第二季度', ' 2023 ', '2023-13', '2023Q5', '2023H3', '202313', 'abc', '', '1700', '2023-3-1', 'Year', '-10000', '800', '0', '-5', '2023-S2', '2023-T4', '2023S1', '01.01.2021', '31.12.2021', '2021-06-30', '31.02.2021', '2021年3月1日', '1 000',
];
const NUMBERS = [
  '12', '12.5', '-3.5', '+4', '1e3', '1,234.5', '37,058,856', '45%', '45 %', '１２３．５', '１，２３４', ' 12 ', '12\u00a0', '\u300012',
  '', '..', '...', '-', '—', 'NA', 'n/a', 'N/A', 'null', '无', 'abc', '1,23', '12a', 'Infinity', 'NaN', '1.2.3', '%', ',',
];

describe('the SQL twins agree with the TypeScript parsers', () => {
  it('normalises every period spelling exactly as parsePeriod does', async () => {
    for (const text of PERIODS) {
      const [row] = await engine.query<{ p: string | null; start: string | null; grain: string | null }>(
        `SELECT period AS p, CAST(hqd_period_start(period) AS VARCHAR) AS start, CASE WHEN period IS NULL THEN NULL ELSE hqd_grain(period) END AS grain
         FROM (${periodMapSql('SELECT CAST(? AS VARCHAR) AS period_raw')}) m`,
        [text],
      );
      const [expected] = parsePeriods([text]);
      expect({ text, ...row }).toEqual({ text, p: expected?.period ?? null, start: expected?.start ?? null, grain: expected?.grain ?? null });
    }
  });

  it('reads every month name exactly as monthOf does, and a year with its month as that month', async () => {
    const texts = [...MONTH_NUMBERS.keys(), 'JANUARY', ' März ', 'janv.', 'Sept.', '1991', 'Insgesamt', '', '13月'];
    for (const text of texts) {
      const [row] = await engine.query<{ m: number | null }>('SELECT hqd_month_of(?) AS m', [text]);
      expect({ text, m: row?.m ?? null }).toEqual({ text, m: monthOf(text) });
    }
    const [joined] = await engine.query<{ a: string; b: string; c: string }>(
      "SELECT hqd_two_part_period('1991', 'March') AS a, hqd_two_part_period('Dezember', ' 2021 ') AS b, hqd_two_part_period('2021', 'Q1') AS c",
    );
    expect(joined).toEqual({ a: '1991-03', b: '2021-12', c: '2021 Q1' });
  });

  it('reads every number and missing marker exactly as parseNumber and isMissing do', async () => {
    for (const text of NUMBERS) {
      const [row] = await engine.query<{ v: number | null; m: boolean }>('SELECT hqd_number(?) AS v, hqd_missing(?) AS m', [text, text]);
      expect({ text, ...row }).toEqual({ text, v: isMissing(text) ? null : parseNumber(text), m: isMissing(text) });
    }
  });
});
