import { describe, expect, it } from 'vitest';
import { streamToUtf8 } from '../../../src/ingest/utf8-stream';
import { encodeText } from '../../support/csv-gen';

/** `bytes` as a stream of chunks of `size` bytes: multi-byte characters fall across chunks. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const TEXT = Array.from({ length: 400 }, (_, i) => `东湖区第${i}党支部,党组织“两个覆盖”率,202${i % 10},${(i * 1.37).toFixed(2)}`).join('\n');

describe('streamToUtf8', () => {
  for (const [encoding, label] of [
    ['gb18030', 'gb18030'],
    ['utf-16le', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
  ] as const)
    it(`re-encodes ${label} split at odd byte counts exactly, without its byte-order mark`, async () => {
      const bytes = encoding === 'gb18030' ? encodeText(TEXT, 'gb18030') : encodeText('\uFEFF' + TEXT, encoding);
      for (const size of [1, 7, 4096]) {
        const blob = await streamToUtf8(chunked(bytes, size), label, { batchBytes: 1000 });
        expect(await blob.text()).toBe(TEXT);
        expect(blob.type).toBe('text/csv');
      }
    });

  it('holds one batch in the heap at a time, however large the file', async () => {
    const bytes = encodeText(TEXT.repeat(20), 'gb18030');
    const held: number[] = [];
    const reads: number[] = [];
    const blob = await streamToUtf8(chunked(bytes, 997), 'gb18030', { batchBytes: 4096, onBatch: (n) => held.push(n), onRead: (n) => reads.push(n) });
    expect(blob.size).toBe(new TextEncoder().encode(TEXT.repeat(20)).length);
    // Each batch is at most the limit plus one chunk's output (997 GB18030 bytes are at most
    // 1.5 × as many UTF-8 bytes); the file's UTF-8 is over 200 KB.
    expect(blob.size).toBeGreaterThan(50 * 4096);
    expect(held.length).toBeGreaterThan(40);
    expect(Math.max(...held)).toBeLessThan(4096 + 1.5 * 997 + 4);
    expect(reads.at(-1)).toBe(bytes.length);
  });

  it('gives an empty Blob for an empty stream', async () => {
    expect((await streamToUtf8(chunked(new Uint8Array(0), 10), 'gb18030')).size).toBe(0);
  });
});
