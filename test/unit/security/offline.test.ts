import { describe, expect, it } from 'vitest';
import { FOREIGN_URLS, inertUrl, namedForeignHosts, neutraliseForeignUrls } from '../../../src/security/offline';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('no foreign host in the built files', () => {
  it('replaces every foreign URL by an inert one of the same length, leaving the rest byte for byte', () => {
    const input = `\u0000ext=${FOREIGN_URLS[3]}\u0000css=${FOREIGN_URLS[0]}\u0000${FOREIGN_URLS[3]}/v1\u0000community=${FOREIGN_URLS[2]}\u0000docs=https://duckdb.org/docs\u0000`;
    const { bytes: out, replaced } = neutraliseForeignUrls(bytes(input));
    expect(replaced).toBe(4);
    expect(out.length).toBe(bytes(input).length);
    const result = text(out);
    expect(namedForeignHosts(result)).toEqual([]);
    expect(result).toContain('\u0000docs=https://duckdb.org/docs\u0000');
    expect(result).toContain(`\u0000ext=${inertUrl(FOREIGN_URLS[3].length)}\u0000`);
    expect(result).toContain(`${inertUrl(FOREIGN_URLS[3].length)}/v1`);
  });

  it('leaves the input untouched and says so when there is nothing to replace', () => {
    const input = bytes('nothing foreign here');
    const { bytes: out, replaced } = neutraliseForeignUrls(input);
    expect(replaced).toBe(0);
    expect(text(out)).toBe('nothing foreign here');
  });

  it('an inert URL is an empty data: URL of the given length', () => {
    expect(inertUrl(12)).toBe('data:,      ');
    expect(inertUrl(12)).toHaveLength(12);
  });

  it('names the CDNs and extension repositories a text mentions', () => {
    expect(namedForeignHosts('<link href="https://cdn.jsdelivr.net/x.css"> https://extensions.duckdb.org')).toEqual(['cdn.jsdelivr.net', 'extensions.duckdb.org']);
    expect(namedForeignHosts('https://duckdb.org/docs https://vuejs.org/error-reference/')).toEqual([]);
  });
});
