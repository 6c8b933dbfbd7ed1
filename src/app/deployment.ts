import type { ClickHouseConfig } from '../engine/clickhouse';

// Which engine this deployment runs on, read at run time from `config.json` beside index.html,
// so a deployer switches engines without rebuilding. The build ships one naming DuckDB (from
// public/), so a default site answers it without a 404; a site without the file is the same.
//
//   { "engine": "clickhouse", "clickhouse": { "path": "/clickhouse/", "database": "hqd", "user": "hqd_reader" } }

export type Deployment = { engine: 'duckdb' } | { engine: 'clickhouse'; clickhouse: ClickHouseConfig };

export class DeploymentError extends Error {
  constructor(reason: string) {
    super(`config.json: ${reason}`);
    this.name = 'DeploymentError';
  }
}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new DeploymentError(`${field} must be a non-empty string`);
  return value;
};

/** A deployment from the parsed file; throws DeploymentError saying what is wrong. */
export function parseDeployment(json: unknown): Deployment {
  if (typeof json !== 'object' || json === null) throw new DeploymentError('expected an object');
  const config = json as Record<string, unknown>;
  const engine = config.engine ?? 'duckdb';
  if (engine === 'duckdb') return { engine };
  if (engine !== 'clickhouse') throw new DeploymentError(`engine must be "duckdb" or "clickhouse", not ${JSON.stringify(engine)}`);
  const ch = (config.clickhouse ?? {}) as Record<string, unknown>;
  const path = text(ch.path ?? '/clickhouse/', 'clickhouse.path');
  // The page may connect to its own origin only (its Content-Security-Policy says so): the
  // server is reached through a path its web server proxies.
  if (!path.startsWith('/') || path.startsWith('//')) throw new DeploymentError('clickhouse.path must be a path on this site, such as /clickhouse/, proxied to the server');
  return {
    engine,
    clickhouse: { url: path, database: text(ch.database ?? 'hqd', 'clickhouse.database'), user: text(ch.user ?? 'hqd_reader', 'clickhouse.user') },
  };
}

/** Reads `config.json`; a missing file is the default deployment. */
export async function fetchDeployment(send: typeof fetch = (input, init) => fetch(input, init)): Promise<Deployment> {
  // Beside index.html, wherever the page's route is (/district/d02 has no config.json of its own).
  const res = await send(new URL(`${import.meta.env.BASE_URL}config.json`, location.origin), { cache: 'no-cache' });
  // A site whose routes fall back to index.html (ours, nginx's try_files) answers a missing file with the page.
  if (res.status === 404 || (res.headers.get('content-type') ?? '').includes('text/html')) return { engine: 'duckdb' };
  if (!res.ok) throw new DeploymentError(`the server answered ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new DeploymentError('not valid JSON');
  }
  return parseDeployment(json);
}

let asked: Promise<Deployment> | null = null;

/** The page's deployment, asked once, from its first module on. */
export function deployment(): Promise<Deployment> {
  asked ??= fetchDeployment();
  return asked;
}
