// `npm start` in front of ClickHouse: with HQD_CLICKHOUSE_URL set, `/clickhouse/` is proxied to
// that server and `/config.json` names it, so the page talks to its own origin only (its CSP
// says `connect-src 'self'`). The proxy, not the page, says who the server sees: whatever user
// a request names is replaced by the configured one (readonly on the server), and only the
// database parameter passes, so nothing a page sends can act as another user or change settings.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const PROXY_PATH = '/clickhouse/';
/** Statements are a few hundred kilobytes at most (a district's thousand branch ids); more is refused. */
export const MAX_STATEMENT_BYTES = 8 * 1024 * 1024;

export interface ProxyTarget {
  url: string;
  user: string;
  password: string;
  database: string;
}

export function clickhouseFromEnv(env: NodeJS.ProcessEnv): ProxyTarget | null {
  const url = env.HQD_CLICKHOUSE_URL?.trim();
  if (!url) return null;
  return {
    url: url.replace(/\/+$/, ''),
    user: env.HQD_CLICKHOUSE_USER ?? 'hqd_reader',
    password: env.HQD_CLICKHOUSE_PASSWORD ?? '',
    database: env.HQD_CLICKHOUSE_DATABASE ?? 'hqd',
  };
}

/** The config.json of this deployment (src/app/deployment.ts reads it). */
export const deploymentConfig = (target: ProxyTarget) => ({ engine: 'clickhouse', clickhouse: { path: PROXY_PATH, database: target.database, user: target.user } });

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

async function body(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_STATEMENT_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function proxyClickHouse(target: ProxyTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== PROXY_PATH) return refuse(res, 404, 'Not found');
  if (req.method !== 'POST') return refuse(res, 405, 'POST a statement');
  const statement = await body(req);
  if (statement === null) return refuse(res, 413, 'statement too long');
  const database = url.searchParams.get('database') ?? target.database;
  try {
    const answer = await fetch(`${target.url}/?database=${encodeURIComponent(database)}`, {
      method: 'POST',
      body: new Uint8Array(statement),
      headers: { Authorization: `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}` },
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(bytes);
  } catch (error) {
    refuse(res, 502, `ClickHouse at ${target.url} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}
