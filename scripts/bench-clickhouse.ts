// `npm run bench:clickhouse`: the dashboards over ClickHouse at 10^8 observations.
//   - A bench cluster of two shards (its own folder .clickhouse-bench/ and ports), with the
//     observations generated on the server (bench/clickhouse-data.ts) and kept for the next run.
//   - The built app served by npm start's server in front of it, driven in Chromium: from a
//     control change to the last chart drawn, for overview, a district and compare.
//   - Every statement the page sent, run again on the server over two shards and over one shard
//     holding all the rows: the server's own time, the rows read, the rows per second of a shard.
// Writes bench-results/clickhouse.json.  BENCH_SKIP_BUILD=1 uses dist/ as it is; BENCH_KEEP=1
// leaves the cluster running.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DATABASE, down, shardUrls, statement, up, type ClusterSpec } from './clickhouse/cluster';
import { BENCH_DATASET, DISTRICTS, ensureBenchData, INDICATORS, OBSERVATIONS } from './bench/clickhouse-data';
import { measureSelect, percentile } from './bench/interaction';
import { launchChromium } from './lib/chromium';
import { ROOT, startPreview } from './lib/preview';

const spec: ClusterSpec = {
  dir: process.env.HQD_CLICKHOUSE_BENCH_DIR ?? join(ROOT, '.clickhouse-bench'),
  httpBase: Number(process.env.HQD_CLICKHOUSE_BENCH_HTTP_PORT ?? 18223),
  tcpBase: Number(process.env.HQD_CLICKHOUSE_BENCH_TCP_PORT ?? 19200),
  shards: 2,
};
const shards = shardUrls(spec);
const GOAL_MS = 1000;

interface Latency {
  median: number;
  p95: number;
  samples: number;
}

/** Statements the page sent, with the view they were sent for. */
const sent: { view: string; sql: string }[] = [];
let view = '';

async function drive(page: Page, base: string): Promise<Record<string, Latency>> {
  const out: Record<string, Latency> = {};
  const record = (name: string, times: number[]) => (out[name] = { median: percentile(times, 50), p95: percentile(times, 95), samples: times.length });
  const indicators = Array.from({ length: 10 }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);
  const years = Array.from({ length: 9 }, (_, i) => String(2025 - i));
  const ds = `datasets=${BENCH_DATASET}`;
  const open = async (name: string, path: string, selector: string) => {
    view = name;
    const started = Date.now();
    await page.goto(base + path);
    await page.waitForSelector('#app[data-state=ready]', { timeout: 300_000 });
    await page.waitForSelector(selector, { timeout: 300_000 });
    await page.locator('[data-settled=true]').first().waitFor({ timeout: 300_000 });
    out[`${name}: first view`] = { median: Date.now() - started, p95: Date.now() - started, samples: 1 };
  };

  await open('overview', `/?${ds}`, '[data-testid=chart][data-kind=line]');
  await measureSelect(page, '[data-testid=indicator-picker]', indicators.slice(0, 2));
  record('overview: indicator', await measureSelect(page, '[data-testid=indicator-picker]', [...indicators, ...indicators]));
  record('overview: period', await measureSelect(page, '[data-testid=period-picker]', [...years, ...years]));

  await open('district', `/district/d001?${ds}`, '[data-testid=score]');
  await measureSelect(page, '[data-testid=scorecard-period]', years.slice(0, 2));
  record('district: period', await measureSelect(page, '[data-testid=scorecard-period]', [...years, ...years]));

  const entities = Array.from({ length: 25 }, (_, d) => `d${String(d + 1).padStart(3, '0')}`).join(',');
  await open('compare', `/compare?${ds}&entities=${entities}`, '[data-testid=chart]');
  await measureSelect(page, '[data-testid=compare-indicator]', indicators.slice(0, 2));
  record('compare: indicator', await measureSelect(page, '[data-testid=compare-indicator]', [...indicators, ...indicators]));
  return out;
}

interface Timing {
  view: string;
  statement: string;
  times: number;
  rowsRead: number;
  twoShardsMs: number;
  oneShardMs: number;
  /** Rows read per second by one shard alone. */
  perShardRowsPerS: number;
}

/** The server's own time for a statement (median of three) and the rows it read. */
async function serverTime(sql: string): Promise<{ ms: number; rows: number }> {
  const runs: { ms: number; rows: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const answer = JSON.parse(await statement(shards[0] as string, `${sql}\nFORMAT JSON`, undefined, DATABASE)) as { statistics: { elapsed: number; rows_read: number } };
    runs.push({ ms: answer.statistics.elapsed * 1000, rows: answer.statistics.rows_read });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1] as { ms: number; rows: number };
}

async function timeStatements(): Promise<Timing[]> {
  const distinct = new Map<string, { view: string; sql: string; times: number }>();
  for (const s of sent) {
    // The statement's shape: the same question for another indicator or year is timed once.
    const shape = s.sql.replace(/'[^']*'/g, "''").replace(/\b\d+\b/g, '0').replace(/\s+/g, ' ');
    const seen = distinct.get(shape);
    if (seen) seen.times++;
    else distinct.set(shape, { ...s, times: 1 });
  }
  const out: Timing[] = [];
  for (const { view: v, sql, times } of distinct.values()) {
    const body = sql.replace(/\nFORMAT JSONCompact\s*$/, '');
    const two = await serverTime(body);
    const one = await serverTime(body.replace(/\bFROM observations\b/g, 'FROM observations_one'));
    out.push({
      view: v,
      statement: body.replace(/\s+/g, ' ').slice(0, 90),
      times,
      rowsRead: one.rows,
      twoShardsMs: two.ms,
      oneShardMs: one.ms,
      perShardRowsPerS: one.ms > 0 ? one.rows / (one.ms / 1000) : NaN,
    });
  }
  return out;
}

async function main(): Promise<void> {
  await up(spec);
  const data = await ensureBenchData(shards, console.log);
  if (data.generate) console.log(`generated in ${data.generate.toFixed(0)} s (${(OBSERVATIONS / data.generate / 1e6).toFixed(1)} M rows/s)`);
  if (!process.env.BENCH_SKIP_BUILD) {
    const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const server = await startPreview(undefined, 'dist', { HQD_CLICKHOUSE_URL: shards[0] });
  const chrome = await launchChromium();
  let latency: Record<string, Latency>;
  try {
    const page = await chrome.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('request', (r) => {
      if (r.url().startsWith(`${server.url}/clickhouse/`)) sent.push({ view, sql: r.postData() ?? '' });
    });
    latency = await drive(page, server.url);
  } finally {
    await chrome.close();
    await server.stop();
  }
  const timings = await timeStatements();
  const perShard = percentile(timings.filter((t) => t.rowsRead > 1e6).map((t) => t.perShardRowsPerS), 50);

  console.log(`\nClickHouse 18.16, ${OBSERVATIONS.toLocaleString('en')} observations (${DISTRICTS} districts × 250 branches, ${INDICATORS} indicators, 100 months), 2 shards on this machine`);
  console.log('\n| control change → chart drawn | median ms | p95 ms | goal p95 |');
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(latency))
    console.log(`| ${name} | ${r.median.toFixed(0)} | ${r.samples > 1 ? r.p95.toFixed(0) : '—'} | ${name.includes('first view') ? '—' : `≤ ${GOAL_MS}`} |`);
  console.log('\n| view | statement | sent | rows read | 2 shards ms | 1 shard ms | one shard, M rows/s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const t of timings)
    console.log(`| ${t.view} | \`${t.statement}…\` | ${t.times} | ${t.rowsRead.toLocaleString('en')} | ${t.twoShardsMs.toFixed(0)} | ${t.oneShardMs.toFixed(0)} | ${(t.perShardRowsPerS / 1e6).toFixed(0)} |`);
  console.log(`\nmedian throughput of one shard on the statements that read over a million rows: ${(perShard / 1e6).toFixed(0)} M rows/s`);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'clickhouse.json'), JSON.stringify({ observations: OBSERVATIONS, data, latency, timings, perShardRowsPerS: perShard }, null, 2));
  if (!process.env.BENCH_KEEP) await down(spec);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (!process.env.BENCH_KEEP) await down(spec).catch(() => undefined);
  process.exit(1);
});
