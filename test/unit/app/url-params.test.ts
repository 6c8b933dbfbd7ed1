import { describe, expect, it } from 'vitest';
import { checkParams, DEFAULT_PARAMS, formatParams, parseParams, patchQuery } from '../../../src/app/url-params';

describe('parseParams', () => {
  it('reads every parameter of every view into its type', () => {
    const { params, dropped } = parseParams({
      datasets: 'sample-industry,u%3A%E5%B7%A5%E4%B8%9A%2C2024',
      period: '2024',
      indicator: 'hightech_share',
      entities: 'd01,d%2C02',
      from: '2019',
      to: '2023',
      mode: 'change',
      tab: 'slope',
      vs: 'yearAgo',
      slides: 'kpis,district:d03,trend:public_satisfaction',
      sec: '12.5',
      org: '云澜市委组织部',
      title: '季度讲评会',
    });
    expect(dropped).toEqual([]);
    expect(params).toEqual({
      datasets: ['sample-industry', 'u:工业,2024'],
      period: 2024,
      indicator: 'hightech_share',
      entities: ['d01', 'd,02'],
      from: 2019,
      to: 2023,
      mode: 'change',
      tab: 'slope',
      vs: 'yearAgo',
      slides: [{ kind: 'kpis' }, { kind: 'district', id: 'd03' }, { kind: 'trend', id: 'public_satisfaction' }],
      sec: 12.5,
      org: '云澜市委组织部',
      title: '季度讲评会',
    });
  });

  it('gives the defaults for an empty link, and leaves keys it does not know alone', () => {
    expect(parseParams({ utm_source: 'wechat' })).toEqual({ params: DEFAULT_PARAMS, dropped: [] });
    expect(parseParams({ period: '', indicator: null })).toEqual({ params: DEFAULT_PARAMS, dropped: [] });
  });

  it('drops a malformed value and says which, keeping the rest', () => {
    const { params, dropped } = parseParams({ period: '2024年', tab: 'pie', mode: 'CHANGE', sec: 'fast', entities: 'd01,%E0%A4%A', slides: 'kpis,bogus', indicator: 'gdp' });
    expect(params).toEqual({ ...DEFAULT_PARAMS, indicator: 'gdp' });
    expect(dropped.map((d) => d.key).sort()).toEqual(['entities', 'mode', 'period', 'sec', 'slides', 'tab']);
    expect(dropped.every((d) => d.reason === 'malformed')).toBe(true);
    expect(dropped.find((d) => d.key === 'period')?.value).toBe('2024年');
  });

  it('rejects years that are not whole years', () => {
    for (const bad of ['0', '-3', '20245', '2024.5', '1e3', ' ']) expect(parseParams({ period: bad }).params.period, bad).toBeNull();
  });

  it('takes the first of a repeated key, as vue-router passes arrays', () => {
    expect(parseParams({ period: ['2022', '2023'] }).params.period).toBe(2022);
  });

  it('clamps seconds into the range a show can run at, and cleans title text', () => {
    expect(parseParams({ sec: '0.01' }).params.sec).toBe(0.1);
    expect(parseParams({ sec: '99999' }).params.sec).toBe(3600);
    expect(parseParams({ title: 'a\u0000b\nc' }).params.title).toBe('a b c');
    expect(parseParams({ org: 'x'.repeat(200) }).params.org).toHaveLength(80);
  });
});

describe('formatParams and patchQuery', () => {
  it('leaves defaults out of the link', () => {
    expect(formatParams(DEFAULT_PARAMS)).toEqual({});
    expect(formatParams({ mode: 'absolute', tab: 'line', period: null, entities: [] })).toEqual({});
    expect(formatParams({ mode: 'change', tab: 'table', period: 2021 })).toEqual({ period: '2021', mode: 'change', tab: 'table' });
  });

  it('round-trips every value through the link', () => {
    const params = parseParams({ datasets: 'a,b', entities: 'u%3A%E4%B8%9C%2C%E5%8C%BA', slides: 'kpis,district:x%3Ay', sec: '30', title: 'T' }).params;
    expect(parseParams(formatParams(params)).params).toEqual(params);
    expect(formatParams({ entities: ['u:东,区'] })).toEqual({ entities: 'u%3A%E4%B8%9C%2C%E5%8C%BA' });
  });

  it('applies a patch, drops what was malformed, and keeps foreign keys', () => {
    expect(patchQuery({ period: '2024', tab: 'pie', ref: 'mail' }, { indicator: 'x', period: null })).toEqual({ ref: 'mail', indicator: 'x' });
    expect(patchQuery({ mode: 'change' }, { mode: 'absolute' })).toEqual({});
  });
});

describe('checkParams', () => {
  const known = { datasets: new Set(['a', 'b']), indicators: new Set(['gdp']), entities: new Set(['d01', 'd02']), years: [2024, 2023] };

  it('drops what names nothing in view and says so', () => {
    const { params, dropped } = checkParams({ ...DEFAULT_PARAMS, datasets: ['a', 'zz'], indicator: 'gone', entities: ['d01', 'd09'], period: 1999, from: 2023 }, known);
    expect(params).toEqual({ ...DEFAULT_PARAMS, datasets: ['a'], entities: ['d01'], from: 2023 });
    expect(dropped).toEqual([
      { key: 'datasets', value: 'zz', reason: 'unknown' },
      { key: 'entities', value: 'd09', reason: 'unknown' },
      { key: 'indicator', value: 'gone', reason: 'unknown' },
      { key: 'period', value: '1999', reason: 'unknown' },
    ]);
  });

  it('falls back to the default when no listed id is known', () => {
    expect(checkParams({ ...DEFAULT_PARAMS, datasets: ['zz'] }, known).params.datasets).toBeNull();
  });

  it('checks only what it is told about', () => {
    expect(checkParams({ ...DEFAULT_PARAMS, indicator: 'anything', period: 1900 }, {}).dropped).toEqual([]);
  });
});
