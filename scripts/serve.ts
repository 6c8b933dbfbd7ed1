// `npm start`'s server: the built app (dist/) on 127.0.0.1, as scripts/serve/static.ts serves it,
// and with HQD_CLICKHOUSE_URL set, the dashboards over that ClickHouse (serve/clickhouse-proxy.ts).
//   npx tsx scripts/serve.ts [--port 4173] [--dir dist]
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { clickhouseFromEnv, deploymentConfig, PROXY_PATH, proxyClickHouse } from './serve/clickhouse-proxy';
import { serveStatic } from './serve/static';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const port = Number(arg('port', '4173'));
const root = resolve(arg('dir', 'dist'));
const clickhouse = clickhouseFromEnv(process.env);
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (clickhouse && path === '/config.json')
    return void res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }).end(JSON.stringify(deploymentConfig(clickhouse)));
  if (clickhouse && path?.startsWith(PROXY_PATH)) return void proxyClickHouse(clickhouse, req, res);
  serveStatic(root, req, res);
});
server.on('error', (e) => {
  console.error(`cannot serve on port ${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`  ➜  Local:   http://127.0.0.1:${port}/`);
  if (clickhouse) console.log(`  ➜  Data:    ClickHouse at ${clickhouse.url} (database ${clickhouse.database}, user ${clickhouse.user}), proxied at ${PROXY_PATH}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
