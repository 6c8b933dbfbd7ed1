// The data of npm run bench:clickhouse, generated on the server from numbers(): a province of 200
// districts with 250 branches each (50,201 entities with the province), 20 indicators, 100 months
// (2017-01 to 2025-04): 100,402,000 observations. Kept between runs; made again only when missing.
import { COLUMNS, DATABASE, ONE_SHARD_CLUSTER, statement, swapCatalogSql } from '../clickhouse/cluster';

export const BENCH_DATASET = 'bench-1e8';
export const DISTRICTS = 200;
export const BRANCHES_PER_DISTRICT = 250;
export const INDICATORS = 20;
export const MONTHS = 100;
export const ENTITIES = 1 + DISTRICTS + DISTRICTS * BRANCHES_PER_DISTRICT;
export const OBSERVATIONS = ENTITIES * INDICATORS * MONTHS;

const pad3 = (expr: string) => `substring(toString(1000 + ${expr}), 2)`;
/** Entity e (0-based): the province, then the districts, then each district's branches. ClickHouse 18.16 types `x % 250` as Int8: every modulo is of UInt32s. */
const entityId = (e: string) =>
  `multiIf(${e} = 0, 'p', ${e} <= ${DISTRICTS}, concat('d', ${pad3(e)}),
    concat('d', ${pad3(`intDiv(toUInt32(${e} - ${DISTRICTS + 1}), ${BRANCHES_PER_DISTRICT}) + 1`)}, '-b', ${pad3(`toUInt32(${e} - ${DISTRICTS + 1}) % toUInt32(${BRANCHES_PER_DISTRICT}) + 1`)}))`;

const T = (name: string) => `${DATABASE}.${name}`;

async function count(url: string, table: string): Promise<number> {
  return Number((await statement(url, `SELECT count() FROM ${T(table)} WHERE dataset_id = '${BENCH_DATASET}'`)).trim());
}

/** Generates what is missing; returns the seconds each step took (0 when it was there). */
export async function ensureBenchData(shards: readonly string[], log: (line: string) => void): Promise<{ generate: number; copy: number }> {
  const [first] = shards as [string];
  const times = { generate: 0, copy: 0 };
  if ((await count(first, 'observations')) !== OBSERVATIONS) {
    const started = Date.now();
    for (const url of shards) await statement(url, `ALTER TABLE ${T('observations_shard')} DROP PARTITION '${BENCH_DATASET}'`);
    log(`generating ${OBSERVATIONS.toLocaleString('en')} observations on the server…`);
    await statement(
      first,
      `INSERT INTO ${T('observations')} SELECT '${BENCH_DATASET}', ${entityId('e')}, concat('k', substring(toString(100 + intDiv(number % 2000, 100) + 1), 2)),
        concat(toString(2017 + intDiv(number % 100, 12)), '-', substring(toString(101 + (number % 100) % 12), 2)) AS period, concat(period, '-01'), 'month',
        round(40 + (sipHash64(number) % 4000) / 100 + (number % 100) * 0.1, 1), NULL
       FROM (SELECT number, intDiv(number, ${INDICATORS * MONTHS}) AS e FROM system.numbers LIMIT ${OBSERVATIONS})`,
    );
    times.generate = (Date.now() - started) / 1000;
  }
  // The catalog, small: written again every run, in place of whatever the bench cluster held.
  for (const table of ['datasets', 'entities', 'indicators']) {
    await statement(first, `DROP TABLE IF EXISTS ${T(`${table}_bench`)}`);
    await statement(first, `CREATE TABLE ${T(`${table}_bench`)} AS ${T(table)}`);
  }
  const columns = (table: keyof typeof COLUMNS) => COLUMNS[table].map((c) => c.name).join(', ');
  await statement(
    first,
    `INSERT INTO ${T('entities_bench')} (${columns('entities')}) SELECT ${entityId('number')}, multiIf(number = 0, '基准省', number <= ${DISTRICTS}, concat('区县', ${pad3('number')}),
      concat('区县', ${pad3(`intDiv(toUInt32(number - ${DISTRICTS + 1}), ${BRANCHES_PER_DISTRICT}) + 1`)}, '第', ${pad3(`toUInt32(number - ${DISTRICTS + 1}) % toUInt32(${BRANCHES_PER_DISTRICT}) + 1`)}, '支部')),
      multiIf(number = 0, 'province', number <= ${DISTRICTS}, 'district', 'branch'),
      multiIf(number = 0, NULL, number <= ${DISTRICTS}, 'p', concat('d', ${pad3(`intDiv(toUInt32(number - ${DISTRICTS + 1}), ${BRANCHES_PER_DISTRICT}) + 1`)}))
     FROM system.numbers LIMIT ${ENTITIES}`,
  );
  await statement(
    first,
    `INSERT INTO ${T('indicators_bench')} (${columns('indicators')}) SELECT concat('k', substring(toString(101 + number), 2)), concat('基准指标', substring(toString(101 + number), 2)),
      concat('Bench indicator ', substring(toString(101 + number), 2)), ['industry', 'satisfaction', 'coverage', 'income'][number % 4 + 1], '%', 1, 60, 2025, 1,
      if(number % 5 = 4, 'characteristic', 'basic'), NULL, NULL, 1, '', 'npm run bench:clickhouse'
     FROM system.numbers LIMIT ${INDICATORS}`,
  );
  await statement(
    first,
    `INSERT INTO ${T('datasets_bench')} (${columns('datasets')}) VALUES ('${BENCH_DATASET}', '基准：1 亿条观测', 'numbers()', 'upload', now(), ${OBSERVATIONS}, 0, '{}', ${ENTITIES}, ${INDICATORS}, '2017-01', '2025-04')`,
  );
  await statement(first, swapCatalogSql('bench'));
  for (const table of ['datasets', 'entities', 'indicators']) await statement(first, `DROP TABLE ${T(`${table}_old`)}`);
  // The same rows on the first shard alone, behind a Distributed table of a one-shard cluster,
  // so each statement can be timed over one shard and over two.
  await statement(first, `CREATE TABLE IF NOT EXISTS ${T('observations_one_shard')} AS ${T('observations_shard')}`);
  await statement(first, `CREATE TABLE IF NOT EXISTS ${T('observations_one')} AS ${T('observations_shard')} ENGINE = Distributed(${ONE_SHARD_CLUSTER}, ${DATABASE}, observations_one_shard)`);
  if ((await count(first, 'observations_one_shard')) !== OBSERVATIONS) {
    const started = Date.now();
    await statement(first, `ALTER TABLE ${T('observations_one_shard')} DROP PARTITION '${BENCH_DATASET}'`);
    log('copying them onto one shard…');
    await statement(first, `INSERT INTO ${T('observations_one_shard')} SELECT * FROM ${T('observations')} WHERE dataset_id = '${BENCH_DATASET}'`);
    times.copy = (Date.now() - started) / 1000;
  }
  return times;
}
