// The app runs fully offline: nothing in the built page may point at another host to fetch from.
// DuckDB's wasm carries a few such URLs as constants (its extension repositories and a CDN
// stylesheet for HTML query plans). We never use them: extensions never autoload or autoinstall,
// we render no HTML plans, and the CSP allows connections to our own origin only. The build
// still overwrites them, byte for byte, so the shipped files name no CDN at all.

/** URLs of other hosts that DuckDB could fetch from, as they stand in its binaries. */
export const FOREIGN_URLS = [
  'https://unpkg.com/treeflex/dist/css/treeflex.css',
  'https://nightly-extensions.duckdb.org',
  'https://community-extensions.duckdb.org',
  'https://extensions.duckdb.org',
] as const;

/** Hosts a built file must not name: CDNs and DuckDB's extension repositories. */
export const FORBIDDEN_HOSTS = ['unpkg.com', 'cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'fonts.googleapis.com', 'fonts.gstatic.com', 'extensions.duckdb.org'] as const;

/**
 * An empty `data:` URL padded with spaces to the same length: the binary's layout is unchanged
 * (string constants sit in its data segment at fixed offsets), and anything that ever read it
 * would make no request.
 */
export function inertUrl(length: number): string {
  return 'data:,'.padEnd(length, ' ');
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first as number, from); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A copy of `bytes` with every foreign URL replaced by an inert one of the same length. */
export function neutraliseForeignUrls(bytes: Uint8Array): { bytes: Uint8Array; replaced: number } {
  const out = bytes.slice();
  const encoder = new TextEncoder();
  let replaced = 0;
  for (const url of FOREIGN_URLS) {
    const needle = encoder.encode(url);
    const inert = encoder.encode(inertUrl(url.length));
    for (let i = indexOf(out, needle, 0); i >= 0; i = indexOf(out, needle, i + needle.length)) {
      out.set(inert, i);
      replaced++;
    }
  }
  return { bytes: out, replaced };
}

/** The forbidden hosts a file's text names, if any. */
export function namedForeignHosts(text: string): string[] {
  return FORBIDDEN_HOSTS.filter((host) => text.includes(host));
}
