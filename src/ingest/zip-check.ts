/**
 * A look at a workbook's zip directory before any of it is unpacked, to refuse what would cost
 * unbounded memory or reach outside: a zip bomb (parts that claim to unpack a hundredfold or to
 * gigabytes), a shared-strings table of hundreds of megabytes, links to other workbooks. It reads
 * the central directory only, so it costs a few kilobytes whatever the file.
 */
export type WorkbookRefusal = 'not-workbook' | 'zip-bomb' | 'shared-strings' | 'external-links' | 'too-many-parts';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Bytes a workbook may unpack to in all; past this a tab would run out of memory. */
export const MAX_UNPACKED = 1024 ** 3;
/** Unpacked bytes of the shared strings (every text cell of the workbook). */
export const MAX_SHARED_STRINGS = 256 * 1024 ** 2;
/** A part that unpacks more than this many times its size, and to more than 16 MB, is a bomb. */
export const MAX_RATIO = 200;
export const MAX_PARTS = 20_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The entries of the zip's central directory, or null when the bytes are not a zip this reads. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 (count or offset saturated): a workbook never needs it; refusing is safe.
  if (count === 0xffff || offset === 0xffffffff || offset >= bytes.length) return null;
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({ name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), compressed, uncompressed });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Why the workbook is refused before it is opened, or null when it may be. */
export function checkWorkbookZip(bytes: Uint8Array): WorkbookRefusal | null {
  const entries = zipEntries(bytes);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) return 'not-workbook';
  if (entries.length > MAX_PARTS) return 'too-many-parts';
  if (entries.some((e) => e.name.startsWith('xl/externalLinks/'))) return 'external-links';
  if (entries.some((e) => e.name === 'xl/sharedStrings.xml' && e.uncompressed > MAX_SHARED_STRINGS)) return 'shared-strings';
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (total > MAX_UNPACKED) return 'zip-bomb';
  if (entries.some((e) => e.uncompressed > 16 * 1024 ** 2 && e.uncompressed > MAX_RATIO * Math.max(1, e.compressed))) return 'zip-bomb';
  return null;
}
