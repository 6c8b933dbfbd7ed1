import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `dist/` with the production server (`npm start`'s) on a free port and resolves once it
 * answers. `env` adds to the server's environment (HQD_CLICKHOUSE_URL, say).
 */
export async function startPreview(port = 4300 + Math.floor(Math.random() * 500), outDir = 'dist', env: NodeJS.ProcessEnv = {}): Promise<Preview> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--dir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error('the server exited before serving');
    try {
      const res = await fetch(url + '/');
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
