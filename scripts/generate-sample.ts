/**
 * Writes the bundled sample data (data/*.csv and data/manifest.json) for the fictional city 云澜市.
 * Deterministic by construction: one fixed seed, a seeded PRNG per indicator, no clock, stable
 * order. test/unit/sample-data.test.ts regenerates and compares byte for byte.
 *
 *   npx tsx scripts/generate-sample.ts [outDir]      (default: <repo>/data)
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogCsv } from './sample/catalog';
import { toCsv, observationsCsv } from './sample/csv';
import { ENTITIES, entityName } from './sample/entities';
import { generateCoverage } from './sample/coverage';
import { generateIndustry } from './sample/industry';
import type { SampleSet } from './sample/observations';
import { generateSatisfaction } from './sample/satisfaction';
import { generateVillageIncome } from './sample/village-income';

export const SEED = 20250706;

export const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');

interface DatasetSpec {
  id: string;
  file: string;
  name_zh: string;
  name_en: string;
  grain: 'year' | 'half';
  generate: (seed: number) => SampleSet;
}

const DATASETS: readonly DatasetSpec[] = [
  { id: 'sample-industry', file: 'industry.csv', name_zh: '产业占比（示例数据）', name_en: 'Industry share (sample)', grain: 'year', generate: generateIndustry },
  { id: 'sample-satisfaction', file: 'satisfaction.csv', name_zh: '满意度（示例数据）', name_en: 'Satisfaction (sample)', grain: 'half', generate: generateSatisfaction },
  { id: 'sample-coverage', file: 'coverage.csv', name_zh: '覆盖率（示例数据）', name_en: 'Coverage (sample)', grain: 'year', generate: generateCoverage },
  {
    id: 'sample-village-income',
    file: 'village-income.csv',
    name_zh: '薄弱村集体经营性收入（示例数据）',
    name_en: 'Weak-village collective income (sample)',
    grain: 'year',
    generate: generateVillageIncome,
  },
];

export interface Manifest {
  seed: number;
  generator: string;
  city: string;
  catalog: string;
  entities: string;
  datasets: { id: string; file: string; name_zh: string; name_en: string; grain: string; rows: number }[];
  facts: string[];
}

/** Every file the generator writes, manifest included. */
export const SAMPLE_FILES = ['entities.csv', 'catalog.csv', ...DATASETS.map((d) => d.file), 'manifest.json'];

function entitiesCsv(): string {
  return toCsv(
    ['entity_id', 'name', 'level', 'parent_id'],
    ENTITIES.map((e) => [e.id, e.name, e.level, e.parentId ?? '']),
  );
}

export function generateSample(outDir: string = DEFAULT_OUT_DIR): Manifest {
  mkdirSync(outDir, { recursive: true });
  const write = (file: string, text: string): void => writeFileSync(join(outDir, file), text, 'utf8');

  write('entities.csv', entitiesCsv());
  write('catalog.csv', catalogCsv());

  const facts: string[] = [];
  const datasets = DATASETS.map(({ generate, ...meta }) => {
    const set = generate(SEED);
    write(meta.file, observationsCsv(set.rows, entityName));
    facts.push(...set.facts);
    return { ...meta, rows: set.rows.length };
  });

  const manifest: Manifest = {
    seed: SEED,
    generator: 'scripts/generate-sample.ts',
    city: 'city',
    catalog: 'catalog.csv',
    entities: 'entities.csv',
    datasets,
    facts,
  };
  write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // argv[1] is not a file (node -e, a REPL): imported, not run
  }
}

if (invokedDirectly()) {
  const outDir = process.argv[2] === undefined ? DEFAULT_OUT_DIR : resolve(process.argv[2]);
  const manifest = generateSample(outDir);
  for (const d of manifest.datasets) console.log(`${d.file}: ${d.rows} rows`);
  console.log(`wrote ${SAMPLE_FILES.length} files to ${outDir}`);
}
