import { describe, expect, it } from 'vitest';
import { memoryLimitMb, memoryLimitSql } from '../../../src/engine/setup';

describe('memoryLimitMb', () => {
  it('gives DuckDB half of what the device reports, at most 2 GB', () => {
    expect([0.25, 0.5, 1, 2, 4, 8].map(memoryLimitMb)).toEqual([128, 256, 512, 1024, 2048, 2048]);
  });

  it('takes 2 GB where the browser does not report the device memory or reports nonsense', () => {
    expect(memoryLimitMb(undefined)).toBe(2048);
    expect(memoryLimitMb(Number.NaN)).toBe(2048);
    expect(memoryLimitMb(0)).toBe(2048);
    expect(memoryLimitMb(-1)).toBe(2048);
  });

  it('never goes below 64 MB', () => {
    expect(memoryLimitMb(0.01)).toBe(64);
  });

  it('is written as a whole number of MB', () => {
    expect(memoryLimitSql(128.7)).toBe("SET memory_limit = '128MiB'");
  });
});
