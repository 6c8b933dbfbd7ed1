import { describe, expect, it } from 'vitest';
import { memoryLimitIn } from '../../../src/ingest/import-file';

describe('memoryLimitIn', () => {
  it('reads the limit DuckDB names in its out-of-memory errors, in bytes', () => {
    expect(memoryLimitIn('Out of Memory Error: could not allocate block of size 256.0 KiB (128.0 MiB/128.0 MiB used)')).toBe(128 * 1024 ** 2);
    expect(memoryLimitIn('Out of Memory Error: failed to allocate data of size 4.0 MiB (1.9 GiB/2.0 GiB used)')).toBe(2 * 1024 ** 3);
  });

  it('gives null where no limit is named (a wasm heap that could not grow)', () => {
    expect(memoryLimitIn('RuntimeError: Aborted(OOM)')).toBeNull();
    expect(memoryLimitIn('')).toBeNull();
  });
});
