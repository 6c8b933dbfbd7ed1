import { describe, expect, it } from 'vitest';
import { parseDuckdbSize } from '../../../src/queries/engine-memory';

describe('parseDuckdbSize', () => {
  it('reads sizes as DuckDB prints them, binary and decimal', () => {
    expect(parseDuckdbSize('2.0 GiB')).toBe(2 * 1024 ** 3);
    expect(parseDuckdbSize('128.0 MiB')).toBe(128 * 1024 ** 2);
    expect(parseDuckdbSize('1.5 GB')).toBe(1.5e9);
    expect(parseDuckdbSize('512 KiB')).toBe(512 * 1024);
    expect(parseDuckdbSize('0 bytes')).toBeNull();
    expect(parseDuckdbSize('')).toBeNull();
  });
});
