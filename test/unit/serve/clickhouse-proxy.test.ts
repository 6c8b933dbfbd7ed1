import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseFromEnv, deploymentConfig, proxyClickHouse, type ProxyTarget } from '../../../scripts/serve/clickhouse-proxy';

// A stand-in ClickHouse that answers with what it was sent; the proxy in front of it.
let upstream: Server;
let proxy: Server;
let proxyUrl = '';
const seen: { url: string; auth: string; body: string }[] = [];

const listen = (server: Server) => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

beforeAll(async () => {
  upstream = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"meta":[],"data":[]}');
  });
  const target: ProxyTarget = { url: `http://127.0.0.1:${await listen(upstream)}`, user: 'hqd_reader', password: '', database: 'hqd' };
  proxy = createServer((req, res) => void proxyClickHouse(target, req, res));
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

afterAll(() => {
  upstream.close();
  proxy.close();
});

describe('the ClickHouse proxy of npm start', () => {
  it('passes a statement on as the configured user, whoever the request claims to be', async () => {
    const res = await fetch(`${proxyUrl}/clickhouse/?database=hqd&user=default&readonly=0`, {
      method: 'POST',
      body: 'SELECT 1',
      headers: { Authorization: `Basic ${btoa('default:')}`, 'X-ClickHouse-User': 'default' },
    });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({ url: '/?database=hqd', auth: `Basic ${btoa('hqd_reader:')}`, body: 'SELECT 1' });
  });

  it('answers only POSTs to its own path', async () => {
    expect((await fetch(`${proxyUrl}/clickhouse/`)).status).toBe(405);
    expect((await fetch(`${proxyUrl}/clickhouse/play`, { method: 'POST', body: 'SELECT 1' })).status).toBe(404);
  });

  it('is configured from the environment, and off without HQD_CLICKHOUSE_URL', () => {
    expect(clickhouseFromEnv({})).toBeNull();
    const target = clickhouseFromEnv({ HQD_CLICKHOUSE_URL: 'http://127.0.0.1:18123/' });
    expect(target).toEqual({ url: 'http://127.0.0.1:18123', user: 'hqd_reader', password: '', database: 'hqd' });
    expect(deploymentConfig(target as ProxyTarget)).toEqual({ engine: 'clickhouse', clickhouse: { path: '/clickhouse/', database: 'hqd', user: 'hqd_reader' } });
  });
});
