// A ClickHouse cluster of two shards on loopback, for `npm run clickhouse:up`, the loader, the
// tests and the bench. Each shard is its own clickhouse-server process with its own folder,
// ports and pid file under one directory, so `down` stops exactly these processes and nothing
// else on the machine. Written for Debian's clickhouse-server 18.16 (no window functions, no
// query parameters, one JOIN per SELECT) and kept to what a current ClickHouse also accepts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib/preview';
import type { Column } from './row-binary';

export const SERVER_BINARY = process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';
/** The database every table of ours lives in, on every shard. */
export const DATABASE = 'hqd';
/** The user the browser reads as: readonly, with limits (users.xml below). */
export const READER = 'hqd_reader';
/** The cluster's name in `remote_servers`, which the Distributed table names. */
export const CLUSTER = 'hqd_cluster';
/** The first shard alone: what the bench compares two shards with (npm run bench:clickhouse). */
export const ONE_SHARD_CLUSTER = 'hqd_one_shard';

export interface ClusterSpec {
  /** Where each shard keeps its data, logs, config and pid file. */
  dir: string;
  /** Shard k listens for HTTP on httpBase + k, native TCP on tcpBase + k, interserver on tcpBase + 100 + k. */
  httpBase: number;
  tcpBase: number;
  shards: number;
}

/** The cluster `npm run clickhouse:up` starts, unless HQD_CLICKHOUSE_DIR or the port variables say otherwise. */
export function defaultSpec(): ClusterSpec {
  return {
    dir: process.env.HQD_CLICKHOUSE_DIR ?? join(ROOT, '.clickhouse'),
    httpBase: Number(process.env.HQD_CLICKHOUSE_HTTP_PORT ?? 18123),
    tcpBase: Number(process.env.HQD_CLICKHOUSE_TCP_PORT ?? 19000),
    shards: 2,
  };
}

/** The HTTP address of shard k (0-based). Shard 0 holds the catalog and answers the browser. */
export const shardUrl = (spec: ClusterSpec, k = 0) => `http://127.0.0.1:${spec.httpBase + k}`;
/** Every shard's HTTP address, the catalog's first: what the loader publishes to. */
export const shardUrls = (spec: ClusterSpec) => Array.from({ length: spec.shards }, (_, k) => shardUrl(spec, k));

/**
 * A two-shard cluster in a fresh temporary folder, on ports picked at random above `httpBase`
 * and `tcpBase`: the tests' own, beside (never on) the one `npm run clickhouse:up` starts.
 */
export function scratchSpec(name: string, httpBase: number, tcpBase: number): ClusterSpec {
  const slot = Math.floor(Math.random() * 40) * 2;
  return { dir: mkdtempSync(join(tmpdir(), `hqd-clickhouse-${name}-`)), httpBase: httpBase + slot, tcpBase: tcpBase + slot, shards: 2 };
}

const xmlText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function serverConfig(spec: ClusterSpec, k: number): string {
  const dir = join(spec.dir, `shard${k + 1}`);
  const shards = Array.from(
    { length: spec.shards },
    (_, s) => `<shard><replica><host>127.0.0.1</host><port>${spec.tcpBase + s}</port></replica></shard>`,
  ).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${xmlText(dir)}/log/server.log</log><errorlog>${xmlText(dir)}/log/error.log</errorlog><size>10M</size><count>2</count></logger>
  <http_port>${spec.httpBase + k}</http_port>
  <tcp_port>${spec.tcpBase + k}</tcp_port>
  <interserver_http_port>${spec.tcpBase + 100 + k}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${xmlText(dir)}/data/</path>
  <tmp_path>${xmlText(dir)}/tmp/</tmp_path>
  <user_files_path>${xmlText(dir)}/user_files/</user_files_path>
  <users_config>${xmlText(dir)}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <remote_servers>
    <${CLUSTER}>${shards}</${CLUSTER}>
    <${ONE_SHARD_CLUSTER}><shard><replica><host>127.0.0.1</host><port>${spec.tcpBase}</port></replica></shard></${ONE_SHARD_CLUSTER}>
  </remote_servers>
</yandex>
`;
}

// `default` loads (loopback only, as the server itself is); the browser's user may only read,
// within limits a dashboard never comes near and a runaway query soon meets.
const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage><insert_distributed_sync>1</insert_distributed_sync></default>
    <reader>
      <readonly>1</readonly>
      <max_execution_time>30</max_execution_time>
      <max_result_rows>2000000</max_result_rows>
      <result_overflow_mode>throw</result_overflow_mode>
      <max_memory_usage>2000000000</max_memory_usage>
    </reader>
  </profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
    <${READER}><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>reader</profile><quota>default</quota></${READER}>
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

const pidFile = (spec: ClusterSpec, k: number) => join(spec.dir, `shard${k + 1}`, 'server.pid');

function readPid(spec: ClusterSpec, k: number): number | null {
  try {
    const pid = Number(readFileSync(pidFile(spec, k), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether `pid` is a clickhouse-server running with this shard's config, not a reused pid. */
function isOurs(spec: ClusterSpec, k: number, pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(join(spec.dir, `shard${k + 1}`, 'config.xml'));
  } catch {
    return false;
  }
}

/**
 * Debian's package when the server is missing: installed as root, the way the test command
 * installs Chromium; otherwise the exact command is printed and false returned.
 */
export function ensureServer(log: (line: string) => void = console.log): boolean {
  if (existsSync(SERVER_BINARY)) return true;
  const install = 'apt-get update && apt-get install -y clickhouse-server';
  if (process.getuid?.() !== 0) {
    log(`clickhouse-server is missing at ${SERVER_BINARY}. Install it as root with:\n  sudo sh -c '${install}'`);
    return false;
  }
  log(`clickhouse-server is missing: installing Debian's package (${install})`);
  const result = spawnSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0 && existsSync(SERVER_BINARY);
}

/** Runs one statement over HTTP as `default` (in `database`, else the server's default); the body of the answer, or an Error with ClickHouse's message. */
export async function statement(url: string, sql: string, body?: string | Uint8Array<ArrayBuffer>, database?: string): Promise<string> {
  const params = new URLSearchParams();
  if (body !== undefined) params.set('query', sql);
  if (database !== undefined) params.set('database', database);
  const res = await fetch(`${url}/${params.size ? `?${params}` : ''}`, { method: 'POST', body: body ?? sql });
  const text = await res.text();
  if (!res.ok) throw new Error(text.trim() || `ClickHouse answered ${res.status}`);
  return text;
}

async function waitReady(url: string, pid: () => number | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await statement(url, 'SELECT 1')).trim() === '1') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`ClickHouse at ${url} did not answer within ${timeoutMs / 1000} s`);
    if (pid() === null) throw new Error(`ClickHouse at ${url} exited while starting`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const c = (name: string, type: Column['type']): Column => ({ name, type });

/** Our tables' columns, in order: the CREATE statements and the loader's inserts both read them. */
export const COLUMNS = {
  // period_start is an ISO date as text: ClickHouse 18.16's Date ends its range at 1970, and
  // World Bank series start in 1960. As text of four-digit years it sorts as dates do.
  observations: [
    c('dataset_id', 'String'), c('entity_id', 'String'), c('indicator_id', 'String'), c('period', 'String'),
    c('period_start', 'String'), c('grain', 'String'), c('value', 'Float64'), c('flag', 'Nullable(String)'),
  ],
  datasets: [
    c('dataset_id', 'String'), c('name', 'String'), c('source_file', 'String'), c('kind', 'String'), c('imported_at', 'DateTime'),
    c('row_count', 'Int32'), c('rejected_count', 'Int32'), c('mapping', 'String'), c('entity_count', 'Int32'), c('indicator_count', 'Int32'),
    c('first_period', 'Nullable(String)'), c('last_period', 'Nullable(String)'),
  ],
  entities: [c('entity_id', 'String'), c('name', 'String'), c('level', 'String'), c('parent_id', 'Nullable(String)')],
  indicators: [
    c('indicator_id', 'String'), c('name_zh', 'String'), c('name_en', 'String'), c('category', 'String'), c('unit', 'String'),
    c('direction', 'Int32'), c('target', 'Nullable(Float64)'), c('target_year', 'Nullable(Int32)'), c('weight', 'Float64'),
    c('tier', 'String'), c('gate_min', 'Nullable(Float64)'), c('gate_max_stars', 'Nullable(Int32)'), c('decimals', 'Int32'),
    c('definition', 'String'), c('source', 'String'),
  ],
} as const satisfies Record<string, readonly Column[]>;

export type CatalogTable = 'datasets' | 'entities' | 'indicators';
/** Each catalog table's key, which a load replaces rows by. */
export const CATALOG_KEYS: Record<CatalogTable, string> = { datasets: 'dataset_id', entities: 'entity_id', indicators: 'indicator_id' };

/**
 * One RENAME that puts the catalog tables named `<table>_<incoming>` in place of the live ones,
 * kept as `<table>_old`: the three change together or not at all.
 */
export function swapCatalogSql(incoming: string): string {
  const t = (name: string) => `${DATABASE}.${name}`;
  return `RENAME TABLE ${(Object.keys(CATALOG_KEYS) as CatalogTable[]).map((name) => `${t(name)} TO ${t(`${name}_old`)}, ${t(`${name}_${incoming}`)} TO ${t(name)}`).join(', ')}`;
}

const columnsSql = (columns: readonly Column[]) => columns.map((col) => `${col.name} ${col.type}`).join(', ');

/** The tables of every shard: its part of the observations, and the Distributed table over all parts. */
function shardTables(): string[] {
  return [
    `CREATE DATABASE IF NOT EXISTS ${DATABASE}`,
    // Partitioned by dataset, so a load replaces or drops one dataset in one step on each shard.
    // Views ask for a few hundred entities at a time, each a few thousand rows in key order: with
    // ClickHouse's default 8,192-row granules a district's snapshot over 10^8 observations read
    // 2.4 M rows for 0.4 M wanted (npm run bench:clickhouse); 1,024-row granules read far fewer,
    // for a primary index of 100,000 marks.
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.observations_shard (${columnsSql(COLUMNS.observations)})
      ENGINE = MergeTree PARTITION BY dataset_id ORDER BY (dataset_id, entity_id, indicator_id, period_start)
      SETTINGS index_granularity = 1024`,
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.observations AS ${DATABASE}.observations_shard
      ENGINE = Distributed(${CLUSTER}, ${DATABASE}, observations_shard, sipHash64(entity_id))`,
  ];
}

/** The catalog, on shard 0 only: a few thousand rows that every view joins to its results. */
export function catalogTables(table = (name: CatalogTable) => `${DATABASE}.${name}`): string[] {
  return (Object.keys(CATALOG_KEYS) as CatalogTable[]).map(
    (name) => `CREATE TABLE IF NOT EXISTS ${table(name)} (${columnsSql(COLUMNS[name])}) ENGINE = MergeTree ORDER BY ${CATALOG_KEYS[name]}`,
  );
}

/** Starts every shard that is not running, creates the tables, and resolves once all answer. */
export async function up(spec: ClusterSpec, log: (line: string) => void = console.log): Promise<void> {
  if (!ensureServer(log)) throw new Error('clickhouse-server is not installed');
  for (let k = 0; k < spec.shards; k++) {
    const dir = join(spec.dir, `shard${k + 1}`);
    for (const sub of ['data', 'tmp', 'user_files', 'log']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'config.xml'), serverConfig(spec, k));
    writeFileSync(join(dir, 'users.xml'), USERS);
    const running = readPid(spec, k);
    if (running !== null && isOurs(spec, k, running)) continue;
    rmSync(pidFile(spec, k), { force: true });
    const started = spawnSync(SERVER_BINARY, [`--config-file=${join(dir, 'config.xml')}`, `--pid-file=${pidFile(spec, k)}`, '--daemon'], { encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`clickhouse-server shard ${k + 1} did not start: ${started.stderr || started.stdout}`);
  }
  for (let k = 0; k < spec.shards; k++) {
    await waitReady(shardUrl(spec, k), () => {
      const pid = readPid(spec, k);
      return pid !== null && isOurs(spec, k, pid) ? pid : null;
    }, 60_000);
    for (const sql of shardTables()) await statement(shardUrl(spec, k), sql);
  }
  for (const sql of catalogTables()) await statement(shardUrl(spec), sql);
  log(`ClickHouse: ${spec.shards} shards up, HTTP ${shardUrl(spec)} (database ${DATABASE}, browser user ${READER}); data in ${spec.dir}`);
}

/** Stops exactly the shards `up` started in this directory, and waits until each has exited. */
export async function down(spec: ClusterSpec, log: (line: string) => void = console.log): Promise<void> {
  for (let k = 0; k < spec.shards; k++) {
    const pid = readPid(spec, k);
    if (pid === null || !isOurs(spec, k, pid)) {
      rmSync(pidFile(spec, k), { force: true });
      continue;
    }
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isOurs(spec, k, pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(pidFile(spec, k), { force: true });
    log(`ClickHouse: shard ${k + 1} stopped (pid ${pid})`);
  }
}
