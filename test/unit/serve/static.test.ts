import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, IMMUTABLE, pickEncoding, REVALIDATE, serveStatic } from '../../../scripts/serve/static';

// The production server over a small built tree of its own: what a browser is sent for the page,
// a hashed asset, the wasm, a route of the app, and paths that try to leave the tree.

const root = mkdtempSync(join(tmpdir(), 'hqd-serve-'));
const js = 'console.log("东湖区");'.repeat(100);
const wasm = Buffer.alloc(5000, 7);
let server: Server;
let port = 0;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), js);
  writeFileSync(join(root, 'assets', 'app-1a2b.js.br'), brotliCompressSync(js));
  writeFileSync(join(root, 'assets', 'app-1a2b.js.gz'), gzipSync(js));
  writeFileSync(join(root, 'assets', 'duckdb-eh-9z.wasm'), wasm);
  writeFileSync(join(root, 'assets', 'duckdb-eh-9z.wasm.gz'), gzipSync(wasm));
  writeFileSync(join(tmpdir(), 'secret.txt'), 'not for the web');
  server = createServer((req, res) => serveStatic(root, req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw request (fetch would decompress and hide Content-Encoding, and normalise the path). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the production server', () => {
  it('asks for the page again every time, and keeps hashed assets for a year', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe(REVALIDATE);
    const asset = await get('/assets/app-1a2b.js');
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    expect(asset.body.toString()).toBe(js);
  });

  it('sends the precompressed file the browser accepts, brotli first', async () => {
    const br = await get('/assets/app-1a2b.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(js);
    expect(br.headers.vary).toBe('Accept-Encoding');
    const gz = await get('/assets/app-1a2b.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get('/assets/app-1a2b.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends the wasm as application/wasm, so it compiles while it streams', async () => {
    const r = await get('/assets/duckdb-eh-9z.wasm', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-type']).toBe('application/wasm');
    expect(r.headers['content-encoding']).toBe('gzip'); // no .br made for it: the next best
    expect(gunzipSync(r.body).equals(wasm)).toBe(true);
    expect(Number(r.headers['x-decoded-length'])).toBe(wasm.length);
  });

  it('answers a route of the app with the page, and a missing asset with 404', async () => {
    const route = await get('/district/d01?period=2024');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('id="app"');
    expect((await get('/assets/gone-123.js')).status).toBe(404);
    expect((await get('/favicon.ico')).status).toBe(404);
  });

  it('revalidates with the ETag instead of sending the file again', async () => {
    const first = await get('/');
    const again = await get('/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('never serves a file outside the built tree', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      const r = await get(path);
      expect(r.body.toString(), path).not.toContain('not for the web');
      expect([200, 400, 404], path).toContain(r.status);
    }
    expect(fileFor(root, '/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(fileFor(root, '/%00')).toBeNull();
  });

  it('serves GET and HEAD only', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    const head = await get('/assets/app-1a2b.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(js));
  });
});

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip']],
    ['identity', []],
    [undefined, []],
  ])('%j → %j', (header, expected) => expect(pickEncoding(header)).toEqual(expected));
});
