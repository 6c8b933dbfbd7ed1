import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_FILES, SEED, type Manifest } from '../../scripts/generate-sample';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const ENTITY_COLUMNS = ['entity_id', 'name', 'level', 'parent_id'] as const;
const CATALOG_COLUMNS = [
  'indicator_id', 'name_zh', 'name_en', 'category', 'unit', 'direction', 'target', 'target_year', 'weight',
  'tier', 'gate_min', 'gate_max_stars', 'decimals', 'definition', 'source',
] as const;
const OBS_COLUMNS = ['entity_id', 'entity_name', 'indicator_id', 'period', 'value'] as const;

type Entity = Record<(typeof ENTITY_COLUMNS)[number], string>;
type Row = Record<(typeof OBS_COLUMNS)[number], string>;

/**
 * The sample files promise no quoting, so a plain split is the whole parser. It throws rather than
 * asserts because it runs while the file is collected, outside any test.
 */
function readCsv<K extends string>(file: string, columns: readonly K[]): Record<K, string>[] {
  const text = readFileSync(join(DATA_DIR, file), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) throw new Error(`${file}: starts with a BOM`);
  if (text.includes('\r')) throw new Error(`${file}: has CR line endings`);
  if (!text.endsWith('\n')) throw new Error(`${file}: no final newline`);
  const [header = '', ...lines] = text.slice(0, -1).split('\n');
  if (header !== columns.join(',')) throw new Error(`${file}: header ${header}, expected ${columns.join(',')}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (line.includes('"') || cells.length !== columns.length) throw new Error(`${file} line ${i + 2}: not a plain ${columns.length}-cell row: ${line}`);
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]])) as Record<K, string>;
  });
}

const entities: Entity[] = readCsv('entities.csv', ENTITY_COLUMNS);
const catalog = readCsv('catalog.csv', CATALOG_COLUMNS);
const industry: Row[] = readCsv('industry.csv', OBS_COLUMNS);
const satisfaction: Row[] = readCsv('satisfaction.csv', OBS_COLUMNS);
const coverage: Row[] = readCsv('coverage.csv', OBS_COLUMNS);
const income: Row[] = readCsv('village-income.csv', OBS_COLUMNS);
const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8')) as Manifest;

const ofLevel = (level: string): Entity[] => entities.filter((e) => e.level === level);
const districtIds = ofLevel('district').map((e) => e.entity_id);
function branchId(name: string): string {
  const branch = entities.find((e) => e.name === name && e.level === 'branch');
  if (branch === undefined) throw new Error(`no branch ${name}`);
  return branch.entity_id;
}

function value(rows: readonly Row[], entityId: string, indicatorId: string, period: string): number {
  const row = rows.find((r) => r.entity_id === entityId && r.indicator_id === indicatorId && r.period === period);
  if (row === undefined) throw new Error(`no value ${entityId} ${indicatorId} ${period}`);
  return Number(row.value);
}

const periodsOf = (rows: readonly Row[], indicatorId: string): string[] =>
  [...new Set(rows.filter((r) => r.indicator_id === indicatorId).map((r) => r.period))].sort();

const round1 = (v: number): number => Math.round(v * 10) / 10;
const mean = (vs: readonly number[]): number => vs.reduce((a, b) => a + b, 0) / vs.length;

describe('generator is deterministic', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'hqd-sample-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('regenerates data/ byte for byte', () => {
    generateSample(outDir);
    expect(readdirSync(outDir).sort()).toEqual([...SAMPLE_FILES].sort());
    for (const file of SAMPLE_FILES) {
      const fresh = readFileSync(join(outDir, file));
      const committed = readFileSync(join(DATA_DIR, file));
      expect(fresh.equals(committed), `${file} differs from data/${file}; rerun scripts/generate-sample.ts`).toBe(true);
    }
  });

  it('gives the same bytes on a second run', () => {
    const again = mkdtempSync(join(tmpdir(), 'hqd-sample-'));
    try {
      generateSample(again);
      for (const file of SAMPLE_FILES) expect(readFileSync(join(again, file)).equals(readFileSync(join(outDir, file)))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('entities', () => {
  it('has the city, nine districts in order, 13 towns, 33 villages and 8 branches per district', () => {
    expect(ofLevel('city')).toEqual([{ entity_id: 'city', name: '云澜市', level: 'city', parent_id: '' }]);
    expect(ofLevel('district').map((e) => [e.entity_id, e.name, e.parent_id])).toEqual(
      ['东湖区', '西城区', '南港区', '北岭区', '高新区', '临江县', '青山县', '白沙县', '清河县'].map((name, i) => [`d0${i + 1}`, name, 'city']),
    );
    const towns = ofLevel('town');
    expect(towns.map((t) => t.entity_id)).toEqual(Array.from({ length: 13 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`));
    for (const d of ofLevel('district')) {
      const expected = d.name.endsWith('县') ? 2 : 1;
      expect(towns.filter((t) => t.parent_id === d.entity_id), d.name).toHaveLength(expected);
    }
    for (const t of towns) expect(t.name).toMatch(/(镇|街道|乡)$/);

    const villages = ofLevel('village');
    expect(villages.map((v) => v.entity_id)).toEqual(Array.from({ length: 33 }, (_, i) => `v${String(i + 1).padStart(2, '0')}`));
    const townIds = new Set(towns.map((t) => t.entity_id));
    for (const v of villages) {
      expect(v.name).toMatch(/村$/);
      expect(townIds.has(v.parent_id)).toBe(true);
    }
    const countyTowns = new Set(towns.filter((t) => entities.find((e) => e.entity_id === t.parent_id)!.name.endsWith('县')).map((t) => t.entity_id));
    expect(villages.filter((v) => countyTowns.has(v.parent_id)).length).toBeGreaterThan(33 / 2);

    const branches = ofLevel('branch');
    expect(branches.length).toBeGreaterThanOrEqual(72);
    expect(branches[0]!.entity_id).toBe('b001');
    for (const id of districtIds) expect(branches.filter((b) => b.parent_id === id)).toHaveLength(8);
    for (const b of branches) expect(b.name).toMatch(/党支部$/);
    for (const kind of [/社区党支部$/, /村党支部$/, /(机关|企业)党支部$/]) expect(branches.some((b) => kind.test(b.name))).toBe(true);
    expect(branches.filter((b) => b.name === '西城区和平社区党支部').map((b) => b.parent_id)).toEqual(['d02']);
  });

  it('has unique ids and names, and every parent exists', () => {
    const ids = entities.map((e) => e.entity_id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = entities.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of entities) if (e.parent_id !== '') expect(ids).toContain(e.parent_id);
  });
});

describe('catalog', () => {
  const byId = new Map(catalog.map((r) => [r.indicator_id, r]));

  it('has 15 indicators, each defined and sourced', () => {
    expect(catalog).toHaveLength(15);
    for (const r of catalog) {
      expect(r.definition).not.toBe('');
      expect(r.source).toBe('示例数据（合成）');
      expect(r.decimals).toBe('1');
    }
  });

  it('carries targets, direction and the satisfaction gate', () => {
    expect(byId.get('public_satisfaction')).toMatchObject({ target: '95', target_year: '2026', weight: '2', gate_min: '90', gate_max_stars: '3' });
    expect(byId.get('service_days')).toMatchObject({ unit: '天', direction: '-1', target: '3', tier: 'characteristic' });
    expect(byId.get('tertiary_share')).toMatchObject({ target: '', target_year: '', weight: '0.5' });
    expect(byId.get('hightech_share')).toMatchObject({ target: '40', target_year: '2027', weight: '1.5', tier: 'basic', gate_min: '' });
    expect(byId.get('weak_village_income')).toMatchObject({ unit: '万元', target: '20', target_year: '2020' });
  });

  it('knows every indicator used in the data sets', () => {
    for (const rows of [industry, satisfaction, coverage, income]) for (const r of rows) expect(byId.has(r.indicator_id)).toBe(true);
  });
});

describe('observation files', () => {
  const names = new Map(entities.map((e) => [e.entity_id, e.name]));
  const files = { 'industry.csv': industry, 'satisfaction.csv': satisfaction, 'coverage.csv': coverage, 'village-income.csv': income };

  it('name their entities and hold plain, unique numbers', () => {
    for (const [file, rows] of Object.entries(files)) {
      const keys = new Set<string>();
      for (const r of rows) {
        expect(r.entity_name, `${file} ${r.entity_id}`).toBe(names.get(r.entity_id));
        expect(r.value).toMatch(/^\d+(\.\d{1,2})?$/);
        const key = `${r.entity_id}|${r.indicator_id}|${r.period}`;
        expect(keys.has(key), `${file} duplicate ${key}`).toBe(false);
        keys.add(key);
        if (r.indicator_id !== 'weak_village_income' && r.indicator_id !== 'service_days') expect(Number(r.value)).toBeLessThanOrEqual(100);
      }
    }
  });

  it('are listed in the manifest with their row counts', () => {
    expect(manifest).toMatchObject({ seed: SEED, generator: 'scripts/generate-sample.ts', city: 'city', catalog: 'catalog.csv', entities: 'entities.csv' });
    expect(manifest.datasets.map((d) => [d.id, d.file, d.grain, d.rows])).toEqual([
      ['sample-industry', 'industry.csv', 'year', industry.length],
      ['sample-satisfaction', 'satisfaction.csv', 'half', satisfaction.length],
      ['sample-coverage', 'coverage.csv', 'year', coverage.length],
      ['sample-village-income', 'village-income.csv', 'year', income.length],
    ]);
    expect(manifest.facts.length).toBeGreaterThanOrEqual(4);
  });
});

describe('industry', () => {
  const years = Array.from({ length: 10 }, (_, i) => String(2016 + i));

  it('covers 2016–2025 for the city and districts, with a few early digital-economy gaps only', () => {
    const missing = 4 * 10 * 10 - industry.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThanOrEqual(8);
    for (const id of ['hightech_share', 'sei_share', 'tertiary_share']) expect(industry.filter((r) => r.indicator_id === id)).toHaveLength(100);
    const gaps = new Set<string>();
    for (const id of districtIds) for (const y of years) if (!industry.some((r) => r.entity_id === id && r.indicator_id === 'digital_core_share' && r.period === y)) gaps.add(id);
    expect(gaps.size).toBeGreaterThanOrEqual(1);
    expect(gaps.size).toBeLessThanOrEqual(2);
    expect(periodsOf(industry, 'hightech_share')).toEqual(years);
  });

  it('raises the city high-tech share from about 15% to about 35% between 2020 and 2023', () => {
    const at = (y: string): number => value(industry, 'city', 'hightech_share', y);
    expect(at('2020')).toBeGreaterThanOrEqual(14);
    expect(at('2020')).toBeLessThanOrEqual(16);
    expect(at('2023')).toBeGreaterThanOrEqual(34);
    expect(at('2023')).toBeLessThanOrEqual(36);
    expect(at('2025')).toBeGreaterThanOrEqual(37);
    expect(at('2025')).toBeLessThanOrEqual(38.5);
    for (const y of ['2016', '2017', '2018', '2019']) {
      expect(at(y)).toBeGreaterThanOrEqual(12);
      expect(at(y)).toBeLessThanOrEqual(15);
    }
    for (const y of years) {
      const districts = districtIds.map((id) => value(industry, id, 'hightech_share', y));
      expect(Math.max(...districts)).toBe(value(industry, 'd05', 'hightech_share', y));
    }
  });

  it('makes the city the mean of the districts that report', () => {
    for (const id of ['hightech_share', 'sei_share', 'digital_core_share', 'tertiary_share']) {
      for (const y of years) {
        const reported = industry.filter((r) => r.indicator_id === id && r.period === y && r.entity_id !== 'city').map((r) => Number(r.value));
        expect(value(industry, 'city', id, y), `${id} ${y}`).toBeCloseTo(round1(mean(reported)), 9);
      }
    }
  });
});

describe('satisfaction', () => {
  const halves = Array.from({ length: 7 }, (_, i) => [`${2019 + i}H1`, `${2019 + i}H2`]).flat();
  const last = '2025H2';

  it('covers 14 half-years; branches only carry public and government-service satisfaction', () => {
    for (const id of ['public_satisfaction', 'business_env_satisfaction', 'gov_service_satisfaction', 'service_days']) {
      expect(periodsOf(satisfaction, id)).toEqual(halves);
    }
    const branches = new Set(ofLevel('branch').map((b) => b.entity_id));
    const branchIndicators = new Set(satisfaction.filter((r) => branches.has(r.entity_id)).map((r) => r.indicator_id));
    expect([...branchIndicators].sort()).toEqual(['gov_service_satisfaction', 'public_satisfaction']);
    expect(satisfaction).toHaveLength(10 * 4 * 14 + branches.size * 2 * 14);
  });

  it('takes 西城区和平社区党支部 from about 60% to about 95%', () => {
    const id = branchId('西城区和平社区党支部');
    const first = value(satisfaction, id, 'public_satisfaction', '2019H1');
    const end = value(satisfaction, id, 'public_satisfaction', last);
    expect(first).toBeGreaterThanOrEqual(58);
    expect(first).toBeLessThanOrEqual(62);
    expect(end).toBeGreaterThanOrEqual(93);
    expect(end).toBeLessThanOrEqual(97);
  });

  it('keeps city business-environment satisfaction above 90% from 2022 on', () => {
    for (const p of halves.filter((h) => h >= '2022')) expect(value(satisfaction, 'city', 'business_env_satisfaction', p), p).toBeGreaterThan(90);
  });

  it('cuts processing time from about 12 to 3–5 days', () => {
    const first = value(satisfaction, 'city', 'service_days', '2019H1');
    expect(first).toBeGreaterThanOrEqual(11);
    expect(first).toBeLessThanOrEqual(13);
    const end = value(satisfaction, 'city', 'service_days', last);
    expect(end).toBeGreaterThanOrEqual(3);
    expect(end).toBeLessThanOrEqual(5);
  });

  it('leaves one or two districts under the 90% gate and a few branches in the 70s', () => {
    const below = districtIds.filter((id) => value(satisfaction, id, 'public_satisfaction', last) < 90);
    expect(below.length).toBeGreaterThanOrEqual(1);
    expect(below.length).toBeLessThanOrEqual(2);
    const lagging = ofLevel('branch').filter((b) => {
      const v = value(satisfaction, b.entity_id, 'public_satisfaction', last);
      return v >= 70 && v < 80;
    });
    expect(lagging.length).toBeGreaterThanOrEqual(2);
    expect(lagging.length).toBeLessThanOrEqual(5);
  });
});

describe('coverage', () => {
  const years = Array.from({ length: 10 }, (_, i) => String(2016 + i));
  const cityAndDistricts = ['city', ...districtIds];

  it('covers 2016–2025; branches only carry party-work coverage', () => {
    const branches = new Set(ofLevel('branch').map((b) => b.entity_id));
    expect(new Set(coverage.filter((r) => branches.has(r.entity_id)).map((r) => r.indicator_id))).toEqual(new Set(['party_work_coverage']));
    expect(coverage).toHaveLength(10 * 5 * 10 + branches.size * 10);
    for (const r of coverage) {
      expect(Number(r.value)).toBeGreaterThanOrEqual(0);
      expect(Number(r.value)).toBeLessThanOrEqual(100);
    }
  });

  it('holds the "two coverages" at 100% from 2018 and legal services at 100% from 2019', () => {
    for (const id of ['nonpublic_org_coverage', 'party_work_coverage']) {
      for (const e of cityAndDistricts) for (const y of years.filter((y) => y >= '2018')) expect(value(coverage, e, id, y)).toBe(100);
      for (const y of ['2016', '2017']) expect(value(coverage, 'city', id, y)).toBeLessThan(100);
    }
    for (const b of ofLevel('branch')) for (const y of years.filter((y) => y >= '2018')) expect(value(coverage, b.entity_id, 'party_work_coverage', y)).toBe(100);
    for (const e of cityAndDistricts) for (const y of years.filter((y) => y >= '2019')) expect(value(coverage, e, 'legal_service_coverage', y)).toBe(100);
    expect(value(coverage, 'city', 'legal_service_coverage', '2018')).toBeLessThan(100);
  });

  it('brings the online service rate from about 40% to about 90%', () => {
    const start = value(coverage, 'city', 'online_service_rate', '2016');
    const end = value(coverage, 'city', 'online_service_rate', '2025');
    expect(start).toBeGreaterThanOrEqual(37);
    expect(start).toBeLessThanOrEqual(43);
    expect(end).toBeGreaterThanOrEqual(88);
    expect(end).toBeLessThanOrEqual(92);
  });
});

describe('weak-village income', () => {
  const years = Array.from({ length: 8 }, (_, i) => String(2018 + i));
  const villages = ofLevel('village');
  const districtOfTown = new Map(ofLevel('town').map((t) => [t.entity_id, t.parent_id]));
  const incomeOf = (id: string, y: string): number => value(income, id, 'weak_village_income', y);

  it('puts all 33 villages above 20 万元 from 2020, from 5–15 in 2018 to 25–60 in 2025', () => {
    expect(villages).toHaveLength(33);
    for (const v of villages) {
      expect(periodsOf(income.filter((r) => r.entity_id === v.entity_id), 'weak_village_income')).toEqual(years);
      const start = incomeOf(v.entity_id, '2018');
      expect(start).toBeGreaterThanOrEqual(5);
      expect(start).toBeLessThanOrEqual(15);
      for (const y of years.filter((y) => y >= '2020')) expect(incomeOf(v.entity_id, y)).toBeGreaterThan(20);
      const end = incomeOf(v.entity_id, '2025');
      expect(end).toBeGreaterThanOrEqual(25);
      expect(end).toBeLessThanOrEqual(60);
    }
  });

  it('computes district and city means and the over-20 share from the village values', () => {
    const groups = new Map<string, string[]>([['city', villages.map((v) => v.entity_id)]]);
    for (const v of villages) {
      const d = districtOfTown.get(v.parent_id)!;
      groups.set(d, [...(groups.get(d) ?? []), v.entity_id]);
    }
    const aggregates = new Set(income.filter((r) => r.indicator_id === 'weak_village_over20_share').map((r) => r.entity_id));
    expect(aggregates).toEqual(new Set(groups.keys()));
    for (const [id, members] of groups) {
      for (const y of years) {
        const values = members.map((m) => incomeOf(m, y));
        expect(incomeOf(id, y), `${id} ${y}`).toBeCloseTo(round1(mean(values)), 9);
        const share = round1((100 * values.filter((v) => v >= 20).length) / values.length);
        expect(value(income, id, 'weak_village_over20_share', y), `${id} ${y}`).toBeCloseTo(share, 9);
        if (y >= '2020') expect(share).toBe(100);
      }
    }
    expect(income).toHaveLength(33 * 8 + groups.size * 8 * 2);
  });
});
