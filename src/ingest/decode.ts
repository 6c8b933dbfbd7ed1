import type { Encoding } from '../domain/mapping';

// Which encoding a CSV file is in, and its first part as text for the sniffer and the preview.
// Chinese statistical exports come as GBK/GB18030 without any marker, so the rule is: a BOM decides;
// otherwise text that is valid UTF-8 is UTF-8 (GBK text almost never is). Anything else is GB18030
// (a superset of GBK and GB2312, so it also reads files saved as either), unless it reads as the
// Windows-1252 / Latin-1 of a European statistics office (Destatis, INSEE, the IMF's WEO).

/** How many bytes the UTF-8 validity test looks at by default: enough to meet the first non-ASCII name. */
export const DETECT_BYTES = 1 << 20;

function bomEncoding(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 saved without a BOM: ASCII text then has a zero byte in every other position, which is
 * also valid UTF-8 and would otherwise be read as text full of NUL characters.
 */
function bomlessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * True when the bytes are valid UTF-8. `stream: true` makes the decoder hold back a multi-byte
 * character cut at the end of the prefix instead of reporting it as invalid.
 */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whether bytes that are not UTF-8 are Latin text rather than Chinese. Read as GB18030, each
 * accented letter takes the next character with it into one ideograph standing alone
 * (`Thüringen` becomes `Th黵ingen`, `Région` `R間ion`); Chinese names are runs of ideographs. A
 * high byte before a delimiter or a space cannot start GB18030 at all.
 */
const DATE_IDEOGRAPHS = '年月日季度第';

function isLatin1(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return true;
  }
  let ideographs = 0;
  let alone = 0;
  for (let i = 0; i < text.length; i++) {
    // The ideographs of dates stand alone in Chinese text too (`2021年5月`): they tell nothing.
    if (!CJK.test(text[i] as string) || DATE_IDEOGRAPHS.includes(text[i] as string)) continue;
    ideographs++;
    if (!CJK.test(text[i - 1] ?? '') && !CJK.test(text[i + 1] ?? '')) alone++;
  }
  return ideographs > 0 && alone > ideographs / 2;
}

/** The encoding of a file, from its first bytes (at most `maxBytes` are examined). */
export function detectEncoding(bytes: Uint8Array, maxBytes = DETECT_BYTES): Encoding {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return utf16;
  const head = bytes.subarray(0, maxBytes);
  if (isUtf8(head)) return 'utf-8';
  return isLatin1(head) ? 'windows-1252' : 'gb18030';
}

/** Bytes per UTF-16 code unit at most, in any of our encodings: a bound to decode no more than needed. */
const MAX_BYTES_PER_CHAR = 4;

/**
 * The text of the first part of a file (or of all of it), without a BOM. A character cut at the end
 * of the bytes is dropped rather than turned into U+FFFD; with `maxChars` the text is cut there,
 * never inside a surrogate pair.
 */
export function decodePrefix(bytes: Uint8Array, encoding: Encoding, maxChars?: number): string {
  const slice = maxChars === undefined ? bytes : bytes.subarray(0, maxChars * MAX_BYTES_PER_CHAR + MAX_BYTES_PER_CHAR);
  // Not fatal: a stray bad byte in a real file shows as U+FFFD in the preview, it does not stop the import.
  let text = new TextDecoder(encoding).decode(slice, { stream: true });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (maxChars !== undefined && text.length > maxChars) {
    const last = text.charCodeAt(maxChars - 1);
    const cut = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
    text = text.slice(0, Math.max(0, cut));
  }
  return text;
}
