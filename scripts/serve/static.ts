import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

// Serving the built app as a production server should: hashed assets cached for a year and never
// asked again, index.html asked again every time (so a new deployment is seen at once), the wasm
// as application/wasm (so browsers compile it while it streams), and files sent precompressed
// (brotli or gzip, made at build time) to browsers that take them.

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.duckdb': 'application/octet-stream',
  '.parquet': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files under assets/ carry a content hash in their name: they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is revalidated at every use. */
export const REVALIDATE = 'no-cache';

/** The encodings a request accepts that we have precompressed files for, best first. */
export function pickEncoding(acceptEncoding: string | undefined): ('br' | 'gzip')[] {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

/** The file a URL path names inside `root`, or null when it would leave it. */
export function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const full = resolve(root, '.' + normalize('/' + path));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** Answers a GET or HEAD for the built app in `root`; other requests get 405. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const asked = fileFor(root, req.url ?? '/');
  if (asked === null) {
    res.writeHead(400).end();
    return;
  }
  const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
  let file = isFile(asked) ? asked : null;
  // A route of the app (/district/d01) is index.html; a missing asset is a 404, never the page.
  if (!file && !urlPath.startsWith('/assets/') && !extname(urlPath)) file = join(root, 'index.html');
  if (!file || !isFile(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE }).end('Not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : REVALIDATE,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  let body = file;
  for (const encoding of pickEncoding(req.headers['accept-encoding'] as string | undefined)) {
    const packed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (isFile(packed)) {
      body = packed;
      headers['Content-Encoding'] = encoding;
      // The size a reader of the decoded body counts to: the engine's download progress.
      headers['X-Decoded-Length'] = String(statSync(file).size);
      break;
    }
  }
  const stat = statSync(body);
  headers['Content-Length'] = String(stat.size);
  headers['Last-Modified'] = statSync(file).mtime.toUTCString();
  headers.ETag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${headers['Content-Encoding'] ? `-${headers['Content-Encoding']}` : ''}"`;
  if (req.headers['if-none-match'] === headers.ETag) {
    res.writeHead(304, { ETag: headers.ETag, 'Cache-Control': headers['Cache-Control'] as string, Vary: 'Accept-Encoding' }).end();
    return;
  }
  res.writeHead(200, headers);
  if (method === 'HEAD') res.end();
  else createReadStream(body).pipe(res);
}
