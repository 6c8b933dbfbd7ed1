// `npm start`'s server: the built app (dist/) on 127.0.0.1, as scripts/serve/static.ts serves it.
//   npx tsx scripts/serve.ts [--port 4173] [--dir dist]
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from './serve/static';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const port = Number(arg('port', '4173'));
const root = resolve(arg('dir', 'dist'));
const server = createServer((req, res) => serveStatic(root, req, res));
server.on('error', (e) => {
  console.error(`cannot serve on port ${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`  ➜  Local:   http://127.0.0.1:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
