import { beforeAll, describe, expect, it } from 'vitest';
import { shortName, trimmedName } from '../../src/domain/names';
import { isMissing, parseNumber } from '../../src/domain/numbers';
import { periodMapSql } from '../../src/domain/period-sql';
import { parsePeriod } from '../../src/domain/periods';
import { BLANK_CHARS } from '../../src/domain/text';
import { createSchema } from '../../src/engine/schema';
import { sqlString } from '../../src/engine/sql';
import type { Engine } from '../../src/engine/types';
import { createNodeEngine } from '../support/node-engine';

// Every character of the one definition of blank, before, after, around and inside periods,
// numbers and names, through the TypeScript rules and their SQL twins in DuckDB: the sniffer
// (TypeScript) must never call a cell good that the load (SQL) then refuses, or the reverse.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createSchema(engine);
});

interface Verdict {
  period: string | null;
  value: number | null;
  missing: boolean;
  trimmed: string | null;
  short: string | null;
}

function typescript(text: string): Verdict {
  return {
    period: parsePeriod(text, true)?.period ?? null,
    value: isMissing(text) ? null : parseNumber(text),
    missing: isMissing(text),
    trimmed: trimmedName(text),
    short: shortName(text),
  };
}

/** All texts in one statement: each through the period, number and name macros. */
async function sql(texts: readonly string[]): Promise<Verdict[]> {
  const values = texts.map((t, i) => `(${i}, ${sqlString(t)})`).join(', ');
  const rows = await engine.query<Verdict & { i: number }>(
    `WITH v(i, t) AS (VALUES ${values}), p AS (${periodMapSql('SELECT DISTINCT t AS period_raw FROM v')})
     SELECT v.i, p.period, hqd_number(v.t) AS value, hqd_missing(v.t) AS missing, hqd_trim(v.t) AS trimmed, hqd_name(v.t) AS short
     FROM v LEFT JOIN p ON p.period_raw = v.t ORDER BY v.i`,
  );
  return rows.map(({ i: _, ...verdict }) => verdict);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The texts one character is tried in, with what both twins must make of each when it is a blank. */
function cases(c: string): [text: string, expected: Partial<Verdict>][] {
  return [
    [`${c}2023`, { period: '2023' }],
    [`2023${c}`, { period: '2023' }],
    [`${c}2023年${c}`, { period: '2023' }],
    [`2023${c}Q1`, { period: '2023Q1' }],
    [`${c}${c}2023${c}H2${c}`, { period: '2023H2' }],
    [`2023${c}[YR2023]`, { period: '2023' }],
    [`${c}12.5`, { value: 12.5, missing: false }],
    [`1,234${c}`, { value: 1234, missing: false }],
    [`${c}${c}-3.5${c}`, { value: -3.5, missing: false }],
    [`45${c}%`, { value: 45, missing: false }],
    [`${c}１２${c}`, { value: 12, missing: false }],
    [c, { value: null, missing: true, trimmed: null, short: null }],
    [`${c}n/a${c}`, { value: null, missing: true }],
    [`${c}—${c}`, { value: null, missing: true }],
    [`${c}东湖区${c}`, { trimmed: '东湖区', short: '东湖区' }],
    [`Nunavut${c}5`, { trimmed: `Nunavut${c}5`, short: 'Nunavut' }],
    [`${c}北京${c}①${c}`, { trimmed: `北京${c}①`, short: '北京' }],
    [`${c}Canada*`, { trimmed: 'Canada*', short: 'Canada' }],
  ];
}

/** Characters that look blank but are not in the list: both twins must keep them alike. */
const NOT_BLANK = [
  { code: 0x180e, name: 'MONGOLIAN VOWEL SEPARATOR' },
  { code: 0x200c, name: 'ZERO WIDTH NON-JOINER' },
  { code: 0x200d, name: 'ZERO WIDTH JOINER' },
  { code: 0x00ad, name: 'SOFT HYPHEN' },
  { code: 0x0001, name: 'START OF HEADING' },
];

describe('one definition of blank', () => {
  it('lists each character once, in order', () => {
    const codes = BLANK_CHARS.map((c) => c.code);
    expect(codes).toEqual([...new Set(codes)].sort((a, b) => a - b));
    // JavaScript's own idea of white space is all in it; the list adds NEL, ZWSP and WJ.
    for (let code = 0; code <= 0xffff; code++) if (/\s/.test(String.fromCharCode(code))) expect(codes).toContain(code);
  });

  it.each(BLANK_CHARS.map((c) => [`${hex(c.code)} ${c.name}`, c.code] as const))('%s: the TypeScript rules and the SQL twins agree and trim it', async (_, code) => {
    const c = String.fromCharCode(code);
    const all = cases(c);
    const got = await sql(all.map(([text]) => text));
    all.forEach(([text, expected], i) => {
      const ts = typescript(text);
      expect({ text, ...got[i] }).toEqual({ text, ...ts });
      expect({ text, ...ts }).toMatchObject({ text, ...expected });
    });
  });

  it.each(NOT_BLANK.map((c) => [`${hex(c.code)} ${c.name}`, c.code] as const))('%s: not blank, and the twins agree on it', async (_, code) => {
    const c = String.fromCharCode(code);
    const all = cases(c);
    const got = await sql(all.map(([text]) => text));
    all.forEach(([text], i) => expect({ text, ...got[i] }).toEqual({ text, ...typescript(text) }));
    expect(parsePeriod(`${c}2023`)).toBeNull();
    expect(trimmedName(c)).toBe(c);
  });
});
