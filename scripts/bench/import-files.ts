import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Long-format files of about the given size: 500 districts × 20 indicators × yearly periods,
 * values with two decimals. Deterministic, so two runs import the same bytes.
 */
export async function writeLongCsv(path: string, targetBytes: number, chinese = false): Promise<number> {
  if (existsSync(path) && Math.abs(statSync(path).size - targetBytes) < targetBytes * 0.05) return statSync(path).size;
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write(chinese ? '地区,指标,年份,数值\n' : 'entity,indicator,period,value\n');
  let bytes = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; bytes < targetBytes; i++) {
    const entity = chinese ? `第${i % 500}区县` : `District ${i % 500}`;
    const indicator = chinese ? `指标${Math.floor(i / 500) % 20}` : `indicator_${Math.floor(i / 500) % 20}`;
    const year = 1900 + Math.floor(i / 10_000);
    const line = `${entity},${indicator},${chinese ? `${year}年` : year},${(next() * 1000).toFixed(2)}\n`;
    bytes += Buffer.byteLength(line);
    await write(line);
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return statSync(path).size;
}

/** GB18030 bytes of a UTF-8 file, via the system's iconv (Node can decode GB18030 but not encode it). */
export function toGb18030(utf8Path: string, dir: string): string {
  const out = join(dir, 'bench-gbk.csv');
  const result = spawnSync('sh', ['-c', `iconv -f UTF-8 -t GB18030 '${utf8Path}' > '${out}'`]);
  if (result.status !== 0) throw new Error(`iconv failed: ${result.stderr}`);
  return out;
}
